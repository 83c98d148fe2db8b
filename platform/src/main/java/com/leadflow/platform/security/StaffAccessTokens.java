package com.leadflow.platform.security;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.OAuth2AuthorizeRequest;
import org.springframework.security.oauth2.client.ReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.DefaultReactiveOAuth2AuthorizedClientManager;
import org.springframework.security.oauth2.client.web.server.ServerOAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * The signed-in person's own access token, for a service that calls another leadflow service on
 * their behalf: the bearer token an API caller sent, or the one the person's sign-in at the
 * practice's identity provider holds (refreshed when it ran out). The called service then checks
 * the role itself and audits the person, not the caller. Empty for a demo user (HTTP Basic, tests
 * only), who has no token to pass on.
 */
public final class StaffAccessTokens {

    /** Null when the service signs nobody in at the provider. */
    private final ReactiveOAuth2AuthorizedClientManager clients;

    public StaffAccessTokens(ObjectProvider<ReactiveClientRegistrationRepository> registrations,
            ObjectProvider<ServerOAuth2AuthorizedClientRepository> signIns) {
        ReactiveClientRegistrationRepository registered = registrations.getIfAvailable();
        ServerOAuth2AuthorizedClientRepository held = signIns.getIfAvailable();
        // the same store the sign-in put the person's tokens in
        this.clients = registered == null || held == null ? null
                : new DefaultReactiveOAuth2AuthorizedClientManager(registered, held);
    }

    public Mono<String> of(Authentication person, ServerWebExchange exchange) {
        if (person instanceof JwtAuthenticationToken bearer) {
            return Mono.just(bearer.getToken().getTokenValue());
        }
        if (person instanceof OAuth2AuthenticationToken signIn && clients != null) {
            return clients.authorize(OAuth2AuthorizeRequest
                            .withClientRegistrationId(signIn.getAuthorizedClientRegistrationId())
                            .principal(signIn)
                            .attribute(ServerWebExchange.class.getName(), exchange)
                            .build())
                    .map(client -> client.getAccessToken().getTokenValue());
        }
        return Mono.empty();
    }
}
