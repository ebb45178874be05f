package dev.cairn.app.security;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Security settings under {@code cairn.security}.
 *
 * @param trustedProxies addresses of the reverse proxies whose X-Forwarded-For and X-Forwarded-Proto
 *                       headers are believed; from anyone else those headers are ignored (empty: none)
 * @param allowedHosts   host names (without port) this server answers to; a request naming another
 *                       Host is refused, so no redirect ever points at a host an attacker chose
 * @param login          the sign-in throttle
 */
@ConfigurationProperties("cairn.security")
public record SecurityProperties(List<String> trustedProxies, List<String> allowedHosts, Login login) {

    public SecurityProperties {
        trustedProxies = trustedProxies == null ? List.of() : trustedProxies.stream().map(String::strip)
                .filter(address -> !address.isEmpty()).toList();
        allowedHosts = allowedHosts == null || allowedHosts.isEmpty() ? List.of("localhost", "127.0.0.1", "[::1]")
                : allowedHosts.stream().map(host -> host.strip().toLowerCase(Locale.ROOT)).filter(host -> !host.isEmpty()).toList();
        login = login == null ? new Login(0, null, null, null, 0, 0, 0, 0) : login;
    }

    /**
     * The sign-in throttle. Nothing here locks an account: failures make the next attempt from the
     * same address wait longer, and many failures against one account (or from one address) shrink
     * the free attempts of every address to one.
     *
     * @param freeAttempts            failures per (account, address) before delays begin
     * @param firstDelay              the first delay; each further failure doubles it
     * @param maxDelay                the longest delay
     * @param window                  how long failures are remembered after the last one
     * @param accountFailureLimit     failures against one account (any address) that make it "hot"
     * @param addressFailureLimit     failures from one address (any account) that make it "hot"
     * @param maxTrackedEntries       upper bound of remembered accounts, addresses and pairs each
     * @param maxThrottledAuditsPerAccount audit rows written for refused attempts per account and window
     */
    public record Login(int freeAttempts, Duration firstDelay, Duration maxDelay, Duration window,
                        int accountFailureLimit, int addressFailureLimit, int maxTrackedEntries,
                        int maxThrottledAuditsPerAccount) {

        public Login {
            freeAttempts = freeAttempts <= 0 ? 3 : freeAttempts;
            firstDelay = firstDelay == null ? Duration.ofSeconds(1) : firstDelay;
            maxDelay = maxDelay == null ? Duration.ofMinutes(15) : maxDelay;
            window = window == null ? Duration.ofMinutes(15) : window;
            accountFailureLimit = accountFailureLimit <= 0 ? 10 : accountFailureLimit;
            addressFailureLimit = addressFailureLimit <= 0 ? 20 : addressFailureLimit;
            maxTrackedEntries = maxTrackedEntries <= 0 ? 100_000 : maxTrackedEntries;
            maxThrottledAuditsPerAccount = maxThrottledAuditsPerAccount <= 0 ? 5 : maxThrottledAuditsPerAccount;
        }
    }
}
