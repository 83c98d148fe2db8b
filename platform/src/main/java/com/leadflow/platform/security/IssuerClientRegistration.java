package com.leadflow.platform.security;

import java.time.Duration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * This service as a client of the practice's OpenID Connect provider. The provider's endpoints come
 * from its discovery document, read on first use rather than at start-up, so a service starts (and
 * reports healthy) while the provider is briefly away; a failed read is tried again next time.
 */
final class IssuerClientRegistration implements ReactiveClientRegistrationRepository {

    /** The registration id, part of the redirect and back-channel logout addresses. */
    static final String REGISTRATION_ID = "leadflow";

    private final Mono<ClientRegistration> registration;

    IssuerClientRegistration(SecurityProperties properties) {
        this.registration = Mono.fromCallable(() -> ClientRegistrations.fromIssuerLocation(properties.issuerUri())
                        .registrationId(REGISTRATION_ID)
                        .clientId(properties.clientId())
                        .clientSecret(properties.clientSecret())
                        .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                        .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                        .redirectUri("{baseUrl}/login/oauth2/code/{registrationId}")
                        .scope(properties.scopes())
                        .userNameAttributeName(properties.usernameClaim())
                        .build())
                .subscribeOn(Schedulers.boundedElastic())
                .cache(found -> Duration.ofDays(36_500), failed -> Duration.ZERO, () -> Duration.ZERO);
    }

    @Override
    public Mono<ClientRegistration> findByRegistrationId(String registrationId) {
        return REGISTRATION_ID.equals(registrationId) ? registration : Mono.empty();
    }
}
