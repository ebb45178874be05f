package dev.cairn.app.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PasswordPolicyTest {

    private final PasswordPolicy policy = new PasswordPolicy();

    @Test
    void aPasswordShorterThanEightCharactersIsRefused() {
        assertThat(policy.problem("Ab3$xyz")).contains("Password must have at least 8 characters.");
    }

    @Test
    void multibyteCharactersCountAsOneEach() {
        assertThat(policy.problem("ÄÖÜß€漢字🙂")).isEmpty();
        assertThat(policy.problem("漢字🙂漢字🙂漢")).contains("Password must have at least 8 characters.");
    }

    @Test
    void longPassphrasesOf64AndMoreCharactersAreAccepted() {
        assertThat(policy.problem("correct horse battery staple ".repeat(4))).isEmpty();
    }

    @Test
    void commonPasswordsAreRefusedWhateverTheirCase() {
        assertThat(policy.problem("Password123")).contains("Password is too common. Choose another.");
        assertThat(policy.problem("QWERTYUIOP")).isPresent();
    }

    @Test
    void theShippedListHoldsAtLeastTheTenThousandMostCommonPasswords() throws Exception {
        assertThat(policy.refusedCount()).isGreaterThanOrEqualTo(10_000);
        try (var in = PasswordPolicy.class.getResourceAsStream("/security/common-passwords.txt")) {
            var lines = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).lines().toList();
            assertThat(lines).hasSizeGreaterThanOrEqualTo(10_000).startsWith("123456", "password", "12345678");
            // Entry 10,000 of the frequency-ordered list, and a long one further down, are refused too.
            assertThat(policy.problem(lines.get(9_999) + "")).satisfiesAnyOf(
                    problem -> assertThat(problem).contains("Password is too common. Choose another."),
                    problem -> assertThat(problem).contains("Password must have at least 8 characters."));
            String longCommon = lines.stream().skip(20_000).filter(line -> line.length() >= 8).findFirst().orElseThrow();
            assertThat(policy.problem(longCommon)).contains("Password is too common. Choose another.");
        }
        assertThat(PasswordPolicy.class.getResource("/security/common-passwords.LICENSE.txt")).as("licence shipped beside it").isNotNull();
    }

    @Test
    void theDocumentedDemoPasswordIsRefused() {
        assertThat(policy.problem(dev.cairn.app.demo.DemoAccounts.PASSWORD)).contains("Password is too common. Choose another.");
        assertThat(policy.problem(dev.cairn.app.demo.DemoAccounts.PASSWORD.toUpperCase())).isPresent();
    }

    @Test
    void anEmptyPasswordIsRefused() {
        assertThat(policy.problem("   ")).contains("Password is required.");
    }
}
