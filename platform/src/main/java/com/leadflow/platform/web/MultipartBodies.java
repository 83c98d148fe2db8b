package com.leadflow.platform.web;

import java.util.function.Consumer;
import org.springframework.http.codec.multipart.Part;
import org.springframework.util.MultiValueMap;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Reads a multipart body for a controller. A malformed body (no boundary, a part cut off) fails
 * with a {@link org.springframework.core.codec.DecodingException}, answered as a 400 by
 * {@link ProblemDetailsAdvice}. Spring's parser then reports the same failure a second time, after
 * the request was cancelled; Reactor would log that as a dropped error with a full stack trace, so
 * an anonymous visitor could fill the log at will. It is already answered, so it is let go.
 */
public final class MultipartBodies {

    /** Reactor's per-subscription hook for dropped errors ({@code Hooks.KEY_ON_ERROR_DROPPED}, not public). */
    private static final String ON_ERROR_DROPPED = "reactor.onErrorDropped.local";
    private static final Consumer<Throwable> ALREADY_ANSWERED = dropped -> {
    };

    private MultipartBodies() {
    }

    public static Mono<MultiValueMap<String, Part>> read(ServerWebExchange exchange) {
        return exchange.getMultipartData().contextWrite(context -> context.put(ON_ERROR_DROPPED, ALREADY_ANSWERED));
    }
}
