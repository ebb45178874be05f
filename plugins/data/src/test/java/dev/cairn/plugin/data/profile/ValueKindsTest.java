package dev.cairn.plugin.data.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ValueKindsTest {

    @ParameterizedTest
    @ValueSource(strings = {"true", "FALSE", "Yes", "no"})
    void knowsTheBooleanWords(String text) {
        assertThat(ValueKinds.isBoolean(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"1", "0", "t", "y", "truth", "nope", ""})
    void nothingElseIsABoolean(String text) {
        assertThat(ValueKinds.isBoolean(text)).isFalse();
    }

    @ParameterizedTest
    @CsvSource({"2024-05-31,2024-05-31T00:00:00Z", "2024-05-31T08:15,2024-05-31T08:15:00Z",
            "2024-05-31 08:15:30.250,2024-05-31T08:15:30.250Z", "2024-05-31T08:15:30Z,2024-05-31T08:15:30Z",
            "2024-05-31T10:15:30+02:00,2024-05-31T08:15:30Z"})
    void readsIsoDatesAndDateTimes(String text, String instant) {
        assertThat(ValueKinds.timestampMillis(text)).isEqualTo(Instant.parse(instant).toEpochMilli());
    }

    @ParameterizedTest
    @ValueSource(strings = {"2024-13-01", "2024-02-30", "31/05/2024", "2024-05-31X08:15", "2024-05-31T25:00",
            "20240531", "2024-05-31T08:15+"})
    void refusesWhatIsNoIsoTimestamp(String text) {
        assertThat(ValueKinds.timestampMillis(text)).isEqualTo(Long.MIN_VALUE);
    }
}
