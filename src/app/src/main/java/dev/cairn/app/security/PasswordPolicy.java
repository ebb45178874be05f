package dev.cairn.app.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.stereotype.Component;

/**
 * SECURITY.md item 8: at least 8 characters (counted as code points, so multibyte passwords count
 * fairly), at most 256, and not on the list of common passwords shipped with Cairn.
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 256;

    private final Set<String> common;

    public PasswordPolicy() {
        try (var in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt");
             var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            common = reader.lines().map(String::trim).filter(line -> !line.isEmpty())
                    .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The reason the password is refused, or empty when it is acceptable. */
    public Optional<String> problem(String password) {
        if (password == null || password.isBlank()) {
            return Optional.of("Password is required.");
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return Optional.of("Password must have at least " + MIN_LENGTH + " characters.");
        }
        if (length > MAX_LENGTH) {
            return Optional.of("Password must have at most " + MAX_LENGTH + " characters.");
        }
        if (common.contains(password.toLowerCase(Locale.ROOT))) {
            return Optional.of("This password is too common. Choose another.");
        }
        return Optional.empty();
    }

    public void check(String password) {
        problem(password).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
    }
}
