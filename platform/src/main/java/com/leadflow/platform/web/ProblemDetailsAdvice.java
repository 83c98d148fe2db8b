package com.leadflow.platform.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.codec.DecodingException;
import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.validation.FieldError;
import org.springframework.validation.method.ParameterValidationResult;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.MissingRequestValueException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;

/**
 * Turns every error a controller raises into RFC 9457 problem details that name the field and the
 * rule. Submitted values are never echoed: parser messages quote the input, so they are replaced
 * by leadflow's own words, and unexpected errors are logged by type only.
 */
@RestControllerAdvice
public class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(InvalidRequestException.class)
    public Mono<ResponseEntity<Object>> invalidRequest(InvalidRequestException e, ServerWebExchange exchange) {
        return respond(Problems.invalid(e.violations()), exchange);
    }

    @ExceptionHandler(NotFoundException.class)
    public Mono<ResponseEntity<Object>> notFound(NotFoundException e, ServerWebExchange exchange) {
        return respond(Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage()), exchange);
    }

    @ExceptionHandler(ConflictException.class)
    public Mono<ResponseEntity<Object>> conflict(ConflictException e, ServerWebExchange exchange) {
        return respond(Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage()), exchange);
    }

    /** A body (or multipart part) above the configured in-memory or on-disk limit. */
    @ExceptionHandler(DataBufferLimitException.class)
    public Mono<ResponseEntity<Object>> tooLarge(DataBufferLimitException e, ServerWebExchange exchange) {
        return respond(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                "The request body is larger than this endpoint accepts."), exchange);
    }

    /**
     * A body the codec cannot decode at all, as a controller reading multipart itself meets it
     * ({@link MultipartBodies}): the caller's mistake, so one short line, never a stack trace.
     */
    @ExceptionHandler(DecodingException.class)
    public Mono<ResponseEntity<Object>> undecodable(DecodingException e, ServerWebExchange exchange) {
        return respond(Problems.invalid(List.of(undecodableBody(exchange))), exchange);
    }

    @ExceptionHandler(Exception.class)
    public Mono<ResponseEntity<Object>> unexpected(Exception e, ServerWebExchange exchange) {
        // the message may quote data (a constraint violation names the duplicate value), so log the type only;
        // the path may hold a status-link token, so it is masked
        log.error("Unexpected {} at {} {}", e.getClass().getName(), exchange.getRequest().getMethod(),
                LoggedPaths.of(exchange.getRequest()));
        return respond(Problems.unexpected(HttpStatus.INTERNAL_SERVER_ERROR), exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(WebExchangeBindException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldViolation> violations = new ArrayList<>();
        for (FieldError error : e.getFieldErrors()) {
            violations.add(new FieldViolation(error.getField(), ruleName(error.getCode()),
                    error.getField() + " " + error.getDefaultMessage()));
        }
        e.getGlobalErrors().forEach(error -> violations.add(
                new FieldViolation("body", ruleName(error.getCode()), String.valueOf(error.getDefaultMessage()))));
        return respond(Problems.invalid(violations), exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleHandlerMethodValidationException(HandlerMethodValidationException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        List<FieldViolation> violations = new ArrayList<>();
        for (ParameterValidationResult result : e.getParameterValidationResults()) {
            String field = result.getMethodParameter().getParameterName();
            for (MessageSourceResolvable error : result.getResolvableErrors()) {
                String[] codes = error.getCodes();
                String rule = ruleName(codes == null || codes.length == 0 ? null : codes[codes.length - 1]);
                violations.add(new FieldViolation(field, rule, field + " " + error.getDefaultMessage()));
            }
        }
        return respond(Problems.invalid(violations), exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleMissingRequestValueException(MissingRequestValueException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        return respond(Problems.invalid(List.of(new FieldViolation(e.getName(), "required",
                "The " + e.getLabel() + " '" + e.getName() + "' is required."))), exchange);
    }

    @Override
    protected Mono<ResponseEntity<Object>> handleServerWebInputException(ServerWebInputException e,
            HttpHeaders headers, HttpStatusCode status, ServerWebExchange exchange) {
        if (causeOf(e, DataBufferLimitException.class) != null) {
            return respond(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "body-too-large", "Request body too large",
                    "The request body is larger than this endpoint accepts."), exchange);
        }
        UnrecognizedPropertyException unknown = causeOf(e, UnrecognizedPropertyException.class);
        if (unknown != null) {
            return respond(Problems.invalid(List.of(new FieldViolation(path(unknown), "unknown-field",
                    "This field is not part of the request."))), exchange);
        }
        MismatchedInputException mismatch = causeOf(e, MismatchedInputException.class);
        if (mismatch != null && !mismatch.getPath().isEmpty()) {
            return respond(Problems.invalid(List.of(new FieldViolation(path(mismatch), "type",
                    JsonTypes.expected(mismatch.getTargetType())))), exchange);
        }
        if (e.getMessage() != null && e.getMessage().contains("No request body")) {
            return respond(Problems.invalid(List.of(new FieldViolation("body", "required",
                    "The request needs a body."))), exchange);
        }
        if (causeOf(e, DecodingException.class) != null && causeOf(e, JacksonException.class) == null) {
            return respond(Problems.invalid(List.of(undecodableBody(exchange))), exchange);
        }
        if (causeOf(e, JacksonException.class) != null) {
            return respond(Problems.invalid(List.of(new FieldViolation("body", "malformed-json",
                    "The request body is not well-formed JSON."))), exchange);
        }
        return respond(Problems.of(HttpStatus.BAD_REQUEST, "unreadable-request", "Unreadable request",
                "The request could not be read."), exchange);
    }

    private FieldViolation undecodableBody(ServerWebExchange exchange) {
        var request = exchange.getRequest();
        MediaType type = request.getHeaders().getContentType();
        boolean multipart = type != null && "multipart".equalsIgnoreCase(type.getType());
        // the parser's message may quote the body, so it is not logged
        log.info("Refused a malformed {} body at {} {}", multipart ? "multipart" : "request", request.getMethod(),
                LoggedPaths.of(request));
        return multipart
                ? new FieldViolation("body", "malformed-multipart", "The request body is not well-formed multipart "
                        + "form data (a boundary, a part's headers or a part's end is missing).")
                : new FieldViolation("body", "malformed-body", "The request body could not be read.");
    }

    /** Spring's own answers (404, 405, ...) would name the raw path as their instance; it may hold a token. */
    @Override
    protected Mono<ResponseEntity<Object>> createResponseEntity(Object body, HttpHeaders headers, HttpStatusCode status,
            ServerWebExchange exchange) {
        if (body instanceof ProblemDetail problem && problem.getInstance() == null) {
            problem.setInstance(java.net.URI.create(LoggedPaths.of(exchange.getRequest())));
        }
        return super.createResponseEntity(body, headers, status, exchange);
    }

    /** {@code NotBlank} becomes {@code not-blank}: rule names are lower-case words joined by dashes. */
    static String ruleName(String code) {
        if (code == null) {
            return "invalid";
        }
        return code.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }

    /** The field's JSON path, e.g. {@code insurance.memberId} or {@code requestedServices[2]}. */
    static String path(JacksonException e) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : e.getPath()) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    private static <T extends Throwable> T causeOf(Throwable e, Class<T> type) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static Mono<ResponseEntity<Object>> respond(ProblemDetail problem, ServerWebExchange exchange) {
        problem.setInstance(java.net.URI.create(LoggedPaths.of(exchange.getRequest())));
        return Mono.just(ResponseEntity.status(problem.getStatus()).body(problem));
    }
}
