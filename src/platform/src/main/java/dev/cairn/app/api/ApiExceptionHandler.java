package dev.cairn.app.api;

import dev.cairn.api.security.AccessDeniedException;
import dev.cairn.api.tenancy.NotFoundException;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.exc.StreamConstraintsException;

/**
 * Every error under /api as an RFC 9457 problem detail (Spring's handler covers 400, 404, 405,
 * 415 and the rest of Spring MVC's own exceptions): Cairn's "not found" (another tenant's id
 * included), refusals, bad input with its reason, the JSON limits naming the limit, and anything
 * unexpected as a 500 with a reference to the log, never a stack trace. Spring MVC serves nothing
 * but the API (and its docs), so this handler is global.
 */
@RestControllerAdvice
class ApiExceptionHandler extends ResponseEntityExceptionHandler {

    private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

    @ExceptionHandler(NotFoundException.class)
    ProblemDetail notFound(NotFoundException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, e.getMessage());
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.FORBIDDEN, e.getMessage());
    }

    @ExceptionHandler(dev.cairn.api.files.FileTooLargeException.class)
    ProblemDetail tooLarge(dev.cairn.api.files.FileTooLargeException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.getMessage());
    }

    @ExceptionHandler(dev.cairn.api.files.ArchiveRejectedException.class)
    ProblemDetail archiveRejected(dev.cairn.api.files.ArchiveRejectedException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ProblemDetail badInput(IllegalArgumentException e) {
        return ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage());
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e) {
        String reference = UUID.randomUUID().toString().substring(0, 8);
        LOG.error("API request failed (reference {})", reference, e);
        return ProblemDetail.forStatusAndDetail(HttpStatus.INTERNAL_SERVER_ERROR,
                "Something went wrong on the server. Reference: " + reference);
    }

    /** A body Jackson refused: name the limit it broke, or say what was wrong with the JSON. */
    @Override
    protected ResponseEntity<Object> handleHttpMessageNotReadable(HttpMessageNotReadableException e, HttpHeaders headers,
                                                                  HttpStatusCode status, WebRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason(e));
        return handleExceptionInternal(e, problem, headers, HttpStatus.BAD_REQUEST, request);
    }

    static String reason(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof ApiBodyLimitFilter.BodyTooLargeException tooLarge) {
                return tooLarge.getMessage();
            }
            if (cause instanceof StreamConstraintsException limit) {
                return "The JSON body exceeds a limit: " + limit.getOriginalMessage();
            }
        }
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            if (cause instanceof tools.jackson.core.JacksonException json) {
                return "The JSON body could not be read: " + json.getOriginalMessage();
            }
        }
        return "The request body is missing or is not valid JSON.";
    }
}
