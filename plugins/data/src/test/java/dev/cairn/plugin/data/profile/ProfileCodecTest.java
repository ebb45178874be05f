package dev.cairn.plugin.data.profile;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

/** A profile is stored with its dataset version as bytes, and read back the same. */
class ProfileCodecTest {

    private static final String SMALL = """
            id,city,score,when,flag,label
            1,Paris,1.5,2024-01-05,true,a
            2,,NaN,2024-02-05T10:00:00Z,false,b
            2,,NaN,2024-02-05T10:00:00Z,false,b
            3,Lyon,-Infinity,,yes,a
            """;

    @Test
    void aSmallProfileRoundTripsWithEveryStatistic() {
        DatasetProfile profile = Csv.profile(SMALL, ProfileOptions.defaults().withLabelColumn("label"));
        DatasetProfile read = ProfileCodec.fromBytes(ProfileCodec.toBytes(profile));
        assertThat(Describe.profile(read)).isEqualTo(Describe.profile(profile));
        assertThat(read.options()).isEqualTo(profile.options());
        assertThat(read.duplicateRows()).isEqualTo(new Estimate(1, true));
    }

    @Test
    void aLargeProfileRoundTripsItsSketchesAndStaysSmall() {
        List<String[]> rows = Generated.rows(200_000, 7);
        DatasetProfile profile = Csv.profile(Generated.HEADER, rows, ProfileOptions.defaults());
        byte[] bytes = ProfileCodec.toBytes(profile);
        DatasetProfile read = ProfileCodec.fromBytes(bytes);
        assertThat(Describe.profile(read)).isEqualTo(Describe.profile(profile));
        assertThat(read.column("x").numericSketch().orElseThrow().toByteArray())
                .isEqualTo(profile.column("x").numericSketch().orElseThrow().toByteArray());
        // 200,000 rows: a KLL sketch, two HLL sketches and a frequent-items sketch, no row hashes.
        assertThat(bytes.length).isLessThan(64 * 1024);
        assertThat(read.duplicateRows()).isEqualTo(profile.duplicateRows());
    }

    @Test
    void refusesBytesThatAreNoProfile() {
        assertThatThrownBy(() -> ProfileCodec.fromBytes("hello, world".getBytes()))
                .isInstanceOf(ProfileFormatException.class).hasMessageContaining("not a Cairn dataset profile");
    }

    @Test
    void refusesAFormatVersionItDoesNotKnow() {
        byte[] bytes = ProfileCodec.toBytes(Csv.profile(SMALL));
        ByteBuffer.wrap(bytes).putShort(4, (short) (ProfileCodec.FORMAT_VERSION + 1));
        assertThatThrownBy(() -> ProfileCodec.fromBytes(bytes)).isInstanceOf(ProfileFormatException.class)
                .hasMessage("profile format version 2 is not one this Cairn reads (1)");
    }

    @Test
    void refusesATruncatedProfile() {
        byte[] bytes = ProfileCodec.toBytes(Csv.profile(SMALL));
        for (int length : new int[] {3, 10, bytes.length / 2, bytes.length - 1}) {
            assertThatThrownBy(() -> ProfileCodec.fromBytes(Arrays.copyOf(bytes, length))).as("%d bytes", length)
                    .isInstanceOf(ProfileFormatException.class).hasMessageContaining("truncated");
        }
    }
}
