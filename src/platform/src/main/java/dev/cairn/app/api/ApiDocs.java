package dev.cairn.app.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description served at /api/docs: every endpoint needs a bearer API token. */
@Configuration(proxyBeanMethods = false)
class ApiDocs {

    static final String SCHEME = "apiToken";

    @Bean
    OpenAPI cairnOpenApi() {
        return new OpenAPI()
                .info(new Info().title("Cairn REST API").version("v1")
                        .description("Projects, jobs and lineage of one tenant. Authenticate with an API token "
                                + "(Cairn: your name menu, API tokens) as 'Authorization: Bearer cairn_pat_...'. "
                                + "Errors are RFC 9457 problem details. See docs/api.md."))
                .components(new Components().addSecuritySchemes(SCHEME, new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP).scheme("bearer").description("A Cairn API token (cairn_pat_...)")))
                .addSecurityItem(new SecurityRequirement().addList(SCHEME));
    }
}
