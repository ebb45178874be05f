package dev.cairn.app.api;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * REST API settings under {@code cairn.api} (docs/admin-guide.md, "REST API").
 *
 * @param tokens API token lifetimes and bookkeeping
 * @param json   limits on JSON request bodies (SECURITY.md item 18)
 */
@ConfigurationProperties("cairn.api")
public record ApiProperties(Tokens tokens, Json json) {

    public ApiProperties {
        tokens = tokens == null ? new Tokens(null, null, null, null) : tokens;
        json = json == null ? new Json(0, 0, 0, 0, 0, 0) : json;
    }

    /**
     * @param defaultLifetime  the expiry the token form proposes
     * @param maxLifetime      the longest expiry a token may have
     * @param lastUseInterval  how stale a token's "last used" may get: it is written at most once per interval
     * @param refusalAuditInterval refused uses of one token for one reason are audited once per interval:
     *                         the first at once, the count of the others when the interval ends
     */
    public record Tokens(Duration defaultLifetime, Duration maxLifetime, Duration lastUseInterval, Duration refusalAuditInterval) {
        public Tokens {
            refusalAuditInterval = refusalAuditInterval == null ? Duration.ofMinutes(1) : refusalAuditInterval;
            if (refusalAuditInterval.isNegative() || refusalAuditInterval.isZero()) {
                throw new IllegalArgumentException("cairn.api.tokens.refusal-audit-interval must be positive, was " + refusalAuditInterval);
            }
            defaultLifetime = defaultLifetime == null ? Duration.ofDays(30) : defaultLifetime;
            maxLifetime = maxLifetime == null ? Duration.ofDays(365) : maxLifetime;
            lastUseInterval = lastUseInterval == null ? Duration.ofMinutes(1) : lastUseInterval;
            if (defaultLifetime.compareTo(maxLifetime) > 0) {
                throw new IllegalArgumentException("cairn.api.tokens.default-lifetime (" + defaultLifetime
                        + ") exceeds cairn.api.tokens.max-lifetime (" + maxLifetime + ")");
            }
        }
    }

    /**
     * @param maxBodyBytes    largest request body, refused from its Content-Length before it is read
     * @param maxDepth        deepest nesting of objects and arrays
     * @param maxStringLength longest string value, in characters
     * @param maxNumberLength longest number, in digits
     * @param maxNameLength   longest field name, in characters
     * @param maxTokenCount   most JSON tokens in one body (bounds the field count)
     */
    public record Json(long maxBodyBytes, int maxDepth, int maxStringLength, int maxNumberLength, int maxNameLength,
                       long maxTokenCount) {
        public Json {
            maxBodyBytes = maxBodyBytes <= 0 ? 1_048_576 : maxBodyBytes;
            maxDepth = maxDepth <= 0 ? 32 : maxDepth;
            maxStringLength = maxStringLength <= 0 ? 10_000 : maxStringLength;
            maxNumberLength = maxNumberLength <= 0 ? 40 : maxNumberLength;
            maxNameLength = maxNameLength <= 0 ? 200 : maxNameLength;
            maxTokenCount = maxTokenCount <= 0 ? 100_000 : maxTokenCount;
        }
    }
}
