package com.leadflow.platform.correlation;

import io.opentelemetry.api.trace.SpanContext;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;
import reactor.util.context.ContextView;

/**
 * The correlation id ties together an HTTP request and every event it causes, across services.
 * It travels in the Reactor context inside a service, in the {@code X-Correlation-Id} HTTP header
 * and in the {@code leadflow-correlation-id} event header between them.
 *
 * <p>Beside it travels the trace context of the span doing the work (the request's, or a
 * consumer's apply of an event): the outbox stores it with each event, so the events a request or
 * an event causes continue its trace ({@code platform/tracing}).
 */
public final class Correlation {

    public static final String HTTP_HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    /** The MDC key of the current trace id (32 hex digits), in every log line beside the correlation id. */
    public static final String TRACE_MDC_KEY = "traceId";
    static final String CONTEXT_KEY = Correlation.class.getName();
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Correlation() {
    }

    /**
     * What the Reactor context carries: the correlation id and the current span's context (invalid
     * when the work is not traced).
     */
    public record Ids(String correlationId, SpanContext span) {

        public Ids {
            span = span == null ? SpanContext.getInvalid() : span;
        }

        /** The trace id for logs, or null when there is no trace. */
        public String traceId() {
            return span.isValid() ? span.getTraceId() : null;
        }
    }

    /** A caller's id when it is short and plain (so it cannot smuggle data into logs), else a new one. */
    public static String acceptOrCreate(String offered) {
        return offered != null && SAFE.matcher(offered).matches() ? offered : newId();
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    /** The context with this correlation id and no trace. */
    public static Context with(Context context, String correlationId) {
        return with(context, correlationId, SpanContext.getInvalid());
    }

    /** The context with this correlation id, doing the work of the span {@code span}. */
    public static Context with(Context context, String correlationId, SpanContext span) {
        return context.put(CONTEXT_KEY, new Ids(correlationId, span));
    }

    public static Optional<String> from(ContextView context) {
        return ids(context).map(Ids::correlationId);
    }

    public static Optional<Ids> ids(ContextView context) {
        return context.getOrEmpty(CONTEXT_KEY);
    }

    /** The current correlation id, or a new one when the work did not start from a request or an event. */
    public static Mono<String> current() {
        return currentIds().map(Ids::correlationId);
    }

    /** The current ids; a new correlation id and no trace when the work did not start from a request or an event. */
    public static Mono<Ids> currentIds() {
        return Mono.deferContextual(context -> Mono.just(ids(context).orElseGet(() -> new Ids(newId(), null))));
    }
}
