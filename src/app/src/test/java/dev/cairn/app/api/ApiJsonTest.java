package dev.cairn.app.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.http.converter.HttpMessageNotReadableException;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.databind.json.JsonMapper;

/** SECURITY.md item 18: the mapper Spring MVC reads bodies with holds the configured limits, and the refusal names them. */
class ApiJsonTest {

    private final JsonMapper mapper = new ApiJson().jsonMapper(new ApiProperties(null,
            new ApiProperties.Json(4096, 5, 300, 10, 50, 1000)));

    @Test
    void nestingDeeperThanTheLimitIsRefusedWhileParsingAndTheReasonNamesIt() {
        assertThat(mapper.readTree("[[[[[]]]]]").size()).as("five levels pass").isEqualTo(1);
        assertThatThrownBy(() -> mapper.readTree("[[[[[[]]]]]]")).isInstanceOf(StreamConstraintsException.class)
                .satisfies(refusal -> assertThat(ApiExceptionHandler.reason(new HttpMessageNotReadableException("x", refusal, null)))
                        .contains("exceeds a limit").contains("nesting depth"));
    }

    @Test
    void longNamesAndTooManyTokensAreRefused() {
        assertThatThrownBy(() -> mapper.readTree("{\"" + "n".repeat(60) + "\":1}")).isInstanceOf(StreamConstraintsException.class)
                .hasMessageContaining("Name length");
        assertThatThrownBy(() -> mapper.readTree("[" + "1,".repeat(1200) + "1]")).isInstanceOf(StreamConstraintsException.class)
                .hasMessageContaining("Token count");
    }
}
