package dev.cairn.app.files;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.cairn.api.files.FileSizes;
import org.junit.jupiter.api.Test;

class FileNamesTest {

    @Test
    void aPathSentByTheBrowserIsCutToItsLastPart() {
        assertThat(FileNames.clean("C:\\fakepath\\churn.csv")).isEqualTo("churn.csv");
        assertThat(FileNames.clean("../../etc/passwd")).isEqualTo("passwd");
        assertThat(FileNames.clean("  data.zip ")).isEqualTo("data.zip");
    }

    @Test
    void unusableNamesAreRefusedWithTheReason() {
        assertThatThrownBy(() -> FileNames.clean("dir/")).hasMessage("The file needs a name.");
        assertThatThrownBy(() -> FileNames.clean("a\nb.csv")).hasMessage("The file name contains control characters.");
        assertThatThrownBy(() -> FileNames.clean("x".repeat(256))).hasMessage("The file name is longer than 255 characters.");
    }

    @Test
    void sizesReadAsPeopleWriteThem() {
        assertThat(FileSizes.format(1)).isEqualTo("1 byte");
        assertThat(FileSizes.format(1023)).isEqualTo("1023 bytes");
        assertThat(FileSizes.format(100L * 1024 * 1024)).isEqualTo("100 MB");
        assertThat(FileSizes.format(1536)).isEqualTo("1.5 KB");
        assertThat(FileSizes.format(2L * 1024 * 1024 * 1024)).isEqualTo("2 GB");
    }
}
