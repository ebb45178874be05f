package dev.cairn.app.jobs;

import java.net.InetAddress;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * This process's name in the database: who claimed a job or an outbox record. Unique per start
 * (host, pid and a random suffix), so that a restarted node never mistakes its predecessor's jobs
 * for its own live ones: those are judged by their heartbeat like any other node's.
 */
@Component
public class NodeIdentity {

    private final String id;

    public NodeIdentity() {
        this.id = hostName() + ":" + ProcessHandle.current().pid() + ":" + UUID.randomUUID().toString().substring(0, 8);
    }

    public String id() {
        return id;
    }

    private static String hostName() {
        try {
            String host = InetAddress.getLocalHost().getHostName();
            return host.length() > 50 ? host.substring(0, 50) : host;
        } catch (Exception e) {
            return "node";
        }
    }
}
