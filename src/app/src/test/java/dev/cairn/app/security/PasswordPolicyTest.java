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
        assertThat(policy.problem("Password123")).contains("This password is too common. Choose another.");
        assertThat(policy.problem("QWERTYUIOP")).isPresent();
    }

    @Test
    void anEmptyPasswordIsRefused() {
        assertThat(policy.problem("   ")).contains("Password is required.");
    }
}
