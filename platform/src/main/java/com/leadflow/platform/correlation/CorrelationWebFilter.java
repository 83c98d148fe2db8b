package com.leadflow.platform.correlation;

import com.leadflow.platform.tracing.TraceParent;
import com.leadflow.platform.tracing.Tracing;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.reactive.HandlerMapping;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Gives every request a correlation id (the caller's, if usable) and echoes it in the response;
 * and a server span, continuing the caller's {@code traceparent} if it sent one. Actuator requests
 * (health checks, metric scrapes) carry the ids but start no span.
 */
public class CorrelationWebFilter implements WebFilter, Ordered {

    private static final AttributeKey<String> METHOD = AttributeKey.stringKey("http.request.method");
    private static final AttributeKey<String> ROUTE = AttributeKey.stringKey("http.route");
    private static final AttributeKey<Long> STATUS = AttributeKey.longKey("http.response.status_code");

    private final Tracing tracing;

    public CorrelationWebFilter() {
        this(Tracing.off());
    }

    public CorrelationWebFilter(Tracing tracing) {
        this.tracing = tracing;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        String id = Correlation.acceptOrCreate(request.getHeaders().getFirst(Correlation.HTTP_HEADER));
        exchange.getResponse().getHeaders().set(Correlation.HTTP_HEADER, id);
        exchange.getAttributes().put(Correlation.MDC_KEY, id);
        if (request.getPath().value().startsWith("/actuator")) {
            return chain.filter(exchange).contextWrite(context -> Correlation.with(context, id));
        }
        SpanContext caller = TraceParent.parse(request.getHeaders().getFirst(TraceParent.HEADER));
        String method = request.getMethod().name();
        Span span = tracing.start(method, SpanKind.SERVER, caller);
        return chain.filter(exchange)
                .doOnError(failure -> span.setStatus(StatusCode.ERROR, failure.getClass().getSimpleName()))
                .doFinally(signal -> end(span, method, exchange))
                .contextWrite(context -> Correlation.with(context, id, span.getSpanContext()));
    }

    /** Names the span by its route (never the raw path, which may hold a status-link token) and ends it. */
    private static void end(Span span, String method, ServerWebExchange exchange) {
        if (span.isRecording()) {
            Object route = exchange.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            if (route == null) {
                route = exchange.getAttribute(RouterFunctions.MATCHING_PATTERN_ATTRIBUTE);
            }
            span.setAttribute(METHOD, method);
            if (route != null) {
                span.updateName(method + " " + route);
                span.setAttribute(ROUTE, route.toString());
            }
            HttpStatusCode status = exchange.getResponse().getStatusCode();
            if (status != null) {
                span.setAttribute(STATUS, (long) status.value());
                if (status.is5xxServerError()) {
                    span.setStatus(StatusCode.ERROR);
                }
            }
        }
        span.end();
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
