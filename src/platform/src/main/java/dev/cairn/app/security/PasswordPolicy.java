package dev.cairn.app.security;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import dev.cairn.app.demo.DemoAccounts;
import org.springframework.stereotype.Component;

/**
 * SECURITY.md item 8: at least 8 characters (counted as code points, so multibyte passwords count
 * fairly), at most 256, not the documented demo password, and not on the lists of common passwords
 * shipped with Cairn (resources/security/README.md says where they come from). Every new password
 * passes here: tenant creation, user creation and the platform admin's bootstrap.
 */
@Component
public class PasswordPolicy {

    static final int MIN_LENGTH = 8;
    static final int MAX_LENGTH = 256;

    private final Set<String> common;

    static final List<String> LISTS = List.of("/security/common-passwords.txt", "/security/cairn-passwords.txt");

    public PasswordPolicy() {
        common = Stream.concat(LISTS.stream().flatMap(PasswordPolicy::read), Stream.of(DemoAccounts.PASSWORD))
                .map(line -> line.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
    }

    private static Stream<String> read(String resource) {
        try (var in = PasswordPolicy.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("Password list " + resource + " is missing from the build");
            }
            var reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            return reader.lines().map(String::strip).filter(line -> !line.isEmpty()).toList().stream();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** How many distinct passwords are refused as common (for the test of the list's size). */
    int refusedCount() {
        return common.size();
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
            return Optional.of("Password is too common. Choose another.");
        }
        return Optional.empty();
    }

    public void check(String password) {
        problem(password).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
    }
}
