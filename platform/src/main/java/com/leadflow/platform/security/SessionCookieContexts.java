package com.leadflow.platform.security;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.ServerSecurityContextRepository;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A signed-in person's security context, kept in their session as before, but looked for only when
 * the request carries the session cookie. Without the cookie there is no session to find it in, and
 * looking anyway made the web framework create an empty session for every anonymous request (the
 * public form's submissions, status polls, the pages' assets), generating its id off the event loop
 * and handing the rest of the request to another thread: a share of intake's CPU per lead for
 * nothing. A sign-in still saves its context into a session, which sets the cookie.
 */
final class SessionCookieContexts implements ServerSecurityContextRepository {

    private final String sessionCookie;
    private final ServerSecurityContextRepository sessions = new WebSessionServerSecurityContextRepository();

    SessionCookieContexts(String sessionCookie) {
        this.sessionCookie = sessionCookie;
    }

    @Override
    public Mono<Void> save(ServerWebExchange exchange, SecurityContext context) {
        return sessions.save(exchange, context);
    }

    @Override
    public Mono<SecurityContext> load(ServerWebExchange exchange) {
        if (!SessionCookie.sentWith(exchange.getRequest(), sessionCookie)) {
            return Mono.empty();
        }
        return sessions.load(exchange);
    }
}
