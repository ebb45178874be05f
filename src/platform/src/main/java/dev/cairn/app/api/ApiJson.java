package dev.cairn.app.api;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapper Spring MVC reads request bodies with (SECURITY.md item 18): Jackson's own stream
 * limits on nesting depth, string, number and name length and token count, so an oversized value
 * is refused while it is parsed, never built in memory first. Spring Boot 4.0 offers no property
 * for these, so the mapper is Cairn's; only the REST API has Spring MVC endpoints. Unknown fields
 * are refused: a typo in a field name should not pass silently.
 */
@Configuration(proxyBeanMethods = false)
class ApiJson {

    @Bean
    JsonMapper jsonMapper(ApiProperties properties) {
        ApiProperties.Json limits = properties.json();
        StreamReadConstraints constraints = StreamReadConstraints.builder()
                .maxNestingDepth(limits.maxDepth())
                .maxStringLength(limits.maxStringLength())
                .maxNumberLength(limits.maxNumberLength())
                .maxNameLength(limits.maxNameLength())
                .maxTokenCount(limits.maxTokenCount())
                .maxDocumentLength(limits.maxBodyBytes())
                .build();
        return JsonMapper.builder(JsonFactory.builder().streamReadConstraints(constraints).build())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class)
                .build();
    }
}
