package com.leadflow.platform.security;

import java.net.URI;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.web.server.savedrequest.ServerRequestCache;
import org.springframework.security.web.server.savedrequest.WebSessionServerRequestCache;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The page a person asked for before signing in, kept in their session as before so the sign-in
 * can take them back to it, but looked for on later requests only when they carry the session
 * cookie: without it there is no session that could hold one. Looking anyway made the web framework
 * create an empty session for every anonymous request (see {@link SessionCookieContexts}).
 */
final class SessionCookieRequestCache implements ServerRequestCache {

    private final String sessionCookie;
    private final ServerRequestCache sessions = new WebSessionServerRequestCache();

    SessionCookieRequestCache(String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @Override
    public Mono<Void> saveRequest(ServerWebExchange exchange) {
        return sessions.saveRequest(exchange);
    }

    @Override
    public Mono<URI> getRedirectUri(ServerWebExchange exchange) {
        return sessions.getRedirectUri(exchange);
    }

    @Override
    public Mono<ServerHttpRequest> removeMatchingRequest(ServerWebExchange exchange) {
        if (!SessionCookie.sentWith(exchange.getRequest(), sessionCookie)) {
            return Mono.empty();
        }
        return sessions.removeMatchingRequest(exchange);
    }
}
