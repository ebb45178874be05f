package dev.cairn.app.api;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The secret of an API token: 256 random bits, base64url, behind a fixed prefix so that secret
 * scanners (and people) recognise a leaked Cairn token. Only its SHA-256 is stored: for a random
 * 256-bit secret a slow password hash adds nothing, and an equality lookup on the hash finds the
 * token in one indexed read.
 */
final class ApiTokenSecrets {

    static final String PREFIX = "cairn_pat_";
    /** How much of the secret a list shows (the prefix and a few random characters). */
    static final int HINT_LENGTH = PREFIX.length() + 6;

    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiTokenSecrets() {
    }

    static String newSecret() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String hash(String secret) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }

    static String hint(String secret) {
        return secret.substring(0, HINT_LENGTH) + "…";
    }

    /** Whether a presented bearer value looks like a Cairn token at all (cheap refusal before any lookup). */
    static boolean looksLikeToken(String presented) {
        return presented != null && presented.startsWith(PREFIX) && presented.length() == PREFIX.length() + 43;
    }
}
