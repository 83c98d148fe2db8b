package com.leadflow.platform.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.authentication.logout.OidcLogoutToken;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.logout.ServerLogoutHandler;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.publisher.Mono;

/**
 * Back-channel logout: the provider says a person signed out (a signed logout token naming their
 * provider session); every session of this service that sign-in started ends at once. Sessions are
 * removed from the session store directly, so no request on the person's behalf is needed.
 */
final class EndSessionsOnLogoutToken implements ServerLogoutHandler {

    private final ReactiveOidcSessionRegistry registry;
    private final ObjectProvider<WebSessionManager> sessions;

    EndSessionsOnLogoutToken(ReactiveOidcSessionRegistry registry, ObjectProvider<WebSessionManager> sessions) {
        this.registry = registry;
        this.sessions = sessions;
    }

    @Override
    public Mono<Void> logout(WebFilterExchange exchange, Authentication authentication) {
        if (!(authentication.getPrincipal() instanceof OidcLogoutToken token)) {
            return Mono.empty();
        }
        if (!(sessions.getIfAvailable() instanceof DefaultWebSessionManager manager)) {
            return Mono.error(new IllegalStateException("Sessions are not kept by a DefaultWebSessionManager"));
        }
        return registry.removeSessionInformation(token)
                .concatMap(session -> manager.getSessionStore().removeSession(session.getSessionId()))
                .then();
    }
}
