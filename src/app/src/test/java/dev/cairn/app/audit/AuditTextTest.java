package dev.cairn.app.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AuditTextTest {

    @Test
    void lineBreaksInUserInputCannotForgeAnEntry() {
        String forged = AuditText.clean("eve\n2026-11-27 login SUCCESS admin\r", 200);
        assertThat(forged).doesNotContain("\n").doesNotContain("\r").contains("\\u000a").contains("\\u000d");
    }

    @Test
    void unicodeLineSeparatorsAreEscapedToo() {
        assertThat(AuditText.clean("a\u2028b\u0000c", 50)).isEqualTo("a\\u2028b\\u0000c");
    }

    @Test
    void longTextIsCutToTheColumnWidth() {
        assertThat(AuditText.clean("x".repeat(300), 200)).hasSize(200).endsWith("…");
    }
}
