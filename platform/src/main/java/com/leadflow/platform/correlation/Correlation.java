package com.leadflow.platform.correlation;

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
 */
public final class Correlation {

    public static final String HTTP_HEADER = "X-Correlation-Id";
    public static final String MDC_KEY = "correlationId";
    static final String CONTEXT_KEY = Correlation.class.getName();
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,64}");

    private Correlation() {
    }

    /** A caller's id when it is short and plain (so it cannot smuggle data into logs), else a new one. */
    public static String acceptOrCreate(String offered) {
        return offered != null && SAFE.matcher(offered).matches() ? offered : newId();
    }

    public static String newId() {
        return UUID.randomUUID().toString();
    }

    public static Context with(Context context, String correlationId) {
        return context.put(CONTEXT_KEY, correlationId);
    }

    public static Optional<String> from(ContextView context) {
        return context.getOrEmpty(CONTEXT_KEY);
    }

    /** The current correlation id, or a new one when the work did not start from a request or an event. */
    public static Mono<String> current() {
        return Mono.deferContextual(context -> Mono.just(from(context).orElseGet(Correlation::newId)));
    }
}
