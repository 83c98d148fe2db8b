package com.leadflow.platform.web;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The RFC 9457 problem details every leadflow service answers with:
 * {@code {"type","title","status","detail","errors":[{"field","rule","message"}]}}. Details are
 * written for the caller and never contain submitted values (they may be patient data).
 */
public final class Problems {

    /** The base of every problem type URI; the last segment names the kind of problem. */
    public static final String TYPE_BASE = "https://leadflow.example/problems/";

    private Problems() {
    }

    public static ProblemDetail of(HttpStatusCode status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create(TYPE_BASE + type));
        problem.setTitle(title);
        return problem;
    }

    /** A failure the caller cannot fix; the correlation id lets ops find its log line. */
    public static ProblemDetail unexpected(HttpStatusCode status) {
        return of(status, "unexpected", "Unexpected error",
                "The request could not be completed. Quote the X-Correlation-Id header when reporting it.");
    }

    /** 400 naming each broken field rule. */
    public static ProblemDetail invalid(List<FieldViolation> violations) {
        ProblemDetail problem = of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                violations.size() == 1 ? "One field breaks a rule." : violations.size() + " fields break a rule.");
        problem.setProperty("errors", violations);
        return problem;
    }

    /**
     * Writes a problem straight to the response, for web filters that answer before a controller
     * (rate limits, body size); controllers throw and let {@link ProblemDetailsAdvice} answer.
     */
    public static Mono<Void> write(ServerWebExchange exchange, ProblemDetail problem, JsonMapper json) {
        var response = exchange.getResponse();
        response.setStatusCode(HttpStatusCode.valueOf(problem.getStatus()));
        response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
        // flattened by hand: a bare mapper lacks Spring's mix-in that lifts the extra properties to the top
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("type", problem.getType().toString());
        fields.put("title", problem.getTitle());
        fields.put("status", problem.getStatus());
        fields.put("detail", problem.getDetail());
        fields.put("instance", LoggedPaths.of(exchange.getRequest()));
        if (problem.getProperties() != null) {
            fields.putAll(problem.getProperties());
        }
        byte[] body = json.writeValueAsBytes(fields);
        return response.writeWith(Mono.fromSupplier(() -> response.bufferFactory().wrap(body)));
    }
}
