package dev.cairn.app.security;

import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.catalina.valves.RemoteIpValve;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * Believes X-Forwarded-For and X-Forwarded-Proto only from the proxies listed in
 * {@code cairn.security.trusted-proxies}. Tomcat's own valve does the work (so the client address,
 * {@code isSecure()}, the session cookie's Secure flag and HSTS all follow); Cairn only replaces its
 * default list, which trusts every private and loopback address, by exactly the configured ones.
 * With none configured there is no valve and the headers are ignored. Host is never taken from a
 * forwarded header.
 */
@Component
class TrustedProxies implements WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> {

    private final List<String> proxies;

    TrustedProxies(SecurityProperties properties) {
        this.proxies = properties.trustedProxies();
    }

    @Override
    public void customize(ConfigurableTomcatWebServerFactory factory) {
        valve().ifPresent(factory::addEngineValves);
    }

    java.util.Optional<RemoteIpValve> valve() {
        if (proxies.isEmpty()) {
            return java.util.Optional.empty();
        }
        RemoteIpValve valve = new RemoteIpValve();
        valve.setInternalProxies(exactly(proxies));
        valve.setTrustedProxies(null);
        valve.setRemoteIpHeader("X-Forwarded-For");
        valve.setProtocolHeader("X-Forwarded-Proto");
        valve.setProtocolHeaderHttpsValue("https");
        valve.setHostHeader(null);
        valve.setPortHeader(null);
        return java.util.Optional.of(valve);
    }

    /** A regular expression matching exactly the given addresses and nothing else. */
    static String exactly(List<String> addresses) {
        return addresses.stream().map(Pattern::quote).collect(Collectors.joining("|"));
    }
}
