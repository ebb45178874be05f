package dev.cairn.app.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/**
 * RFC 9457 problem details written by the API's security chain and filters, before Spring MVC (and
 * its exception handler) is reached: 401 with {@code WWW-Authenticate: Bearer}, 403, and the body
 * limit's 400. Never a redirect, never a login page.
 */
final class ApiProblems implements AuthenticationEntryPoint, AccessDeniedHandler {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException failure)
            throws IOException {
        boolean presented = request.getHeader("Authorization") != null;
        response.setHeader("WWW-Authenticate", presented
                ? "Bearer error=\"invalid_token\", error_description=\"" + ApiTokenAuthenticator.REFUSAL + "\""
                : "Bearer");
        write(request, response, HttpStatus.UNAUTHORIZED, presented ? ApiTokenAuthenticator.REFUSAL
                : "This API needs an API token: send it as 'Authorization: Bearer <token>' (create one under API tokens in Cairn).");
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response,
                       org.springframework.security.access.AccessDeniedException denied) throws IOException {
        write(request, response, HttpStatus.FORBIDDEN, "The API token may not do this.");
    }

    static void write(HttpServletRequest request, HttpServletResponse response, HttpStatus status, String detail)
            throws IOException {
        Map<String, Object> problem = new LinkedHashMap<>();
        problem.put("type", "about:blank");
        problem.put("title", status.getReasonPhrase());
        problem.put("status", status.value());
        problem.put("detail", detail);
        problem.put("instance", request.getRequestURI());
        response.setStatus(status.value());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding("UTF-8");
        JSON.writeValue(response.getOutputStream(), problem);
    }
}
