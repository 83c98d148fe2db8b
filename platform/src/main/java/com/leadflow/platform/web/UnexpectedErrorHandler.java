package com.leadflow.platform.web;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import org.springframework.web.util.DisconnectedClientHelper;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The last word on a failure no controller handled (one raised in a web filter, or around a
 * controller): logged once, by type and by its path with any token masked ({@link LoggedPaths}),
 * and answered with the same 500 problem a controller's failure gets. Boot's own handler would log
 * the raw path and query, and a stack trace. Errors that carry a 4xx status (no such page, method
 * not allowed) pass on to Boot's handler, which answers them and logs them at debug only.
 */
public class UnexpectedErrorHandler implements WebExceptionHandler, Ordered {

    private static final Logger log = LoggerFactory.getLogger(UnexpectedErrorHandler.class);

    private final JsonMapper json;

    public UnexpectedErrorHandler(JsonMapper json) {
        this.json = json;
    }

    @Override
    public Mono<Void> handle(ServerWebExchange exchange, Throwable error) {
        if (error instanceof ErrorResponse response && !response.getStatusCode().is5xxServerError()) {
            return Mono.error(error);
        }
        if (DisconnectedClientHelper.isClientDisconnectedException(error)) {
            return Mono.error(error);
        }
        // the message may quote data, so the type only
        log.error("Unexpected {} at {} {}", error.getClass().getName(), exchange.getRequest().getMethod(),
                LoggedPaths.of(exchange.getRequest()));
        if (exchange.getResponse().isCommitted()) {
            // nothing more can be said to the caller; the server closes the connection
            return Mono.error(error);
        }
        HttpStatusCode status = error instanceof ErrorResponse response ? response.getStatusCode()
                : HttpStatus.INTERNAL_SERVER_ERROR;
        return Problems.write(exchange, Problems.unexpected(status), json);
    }

    @Override
    public int getOrder() {
        // before Boot's ErrorWebExceptionHandler (-1)
        return -2;
    }
}
