package com.leadflow.platform.correlation;

import org.springframework.core.Ordered;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/** Gives every request a correlation id (the caller's, if usable) and echoes it in the response. */
public class CorrelationWebFilter implements WebFilter, Ordered {

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        String id = Correlation.acceptOrCreate(exchange.getRequest().getHeaders().getFirst(Correlation.HTTP_HEADER));
        exchange.getResponse().getHeaders().set(Correlation.HTTP_HEADER, id);
        exchange.getAttributes().put(Correlation.MDC_KEY, id);
        return chain.filter(exchange).contextWrite(context -> Correlation.with(context, id));
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE;
    }
}
