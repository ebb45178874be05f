package dev.cairn.app.shell;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** A short id that ties what a user sees to the full exception in the log, and nothing more. */
public final class ErrorReference {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorReference.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private ErrorReference() {
    }

    /** Logs the failure with a new reference and returns the reference (the only thing to show). */
    public static String log(String what, Throwable failure) {
        byte[] bytes = new byte[6];
        RANDOM.nextBytes(bytes);
        String reference = "ERR-" + HexFormat.of().formatHex(bytes);
        LOG.error("{} failed; reference {}", what, reference, failure);
        return reference;
    }
}
