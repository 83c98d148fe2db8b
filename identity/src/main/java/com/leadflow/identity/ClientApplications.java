package com.leadflow.identity;

import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.client.InMemoryRegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;

/** The configured clients as Spring Authorization Server sees them. */
final class ClientApplications {

    /** Client setting: where to post logout tokens. */
    static final String BACK_CHANNEL_LOGOUT_URI = "leadflow.back-channel-logout-uri";
    /** Client setting: the roles of the client's own (client credentials) tokens. */
    static final String CLIENT_ROLES = "leadflow.client-roles";

    private ClientApplications() {
    }

    static RegisteredClientRepository repository(IdentityProperties properties) {
        List<RegisteredClient> clients = properties.clients().stream().map(client -> toRegistered(client, properties)).toList();
        if (clients.isEmpty()) {
            throw new IllegalStateException("No client applications are configured (leadflow.identity.clients)");
        }
        return new InMemoryRegisteredClientRepository(clients);
    }

    private static RegisteredClient toRegistered(IdentityProperties.Client client, IdentityProperties properties) {
        ClientSettings.Builder settings = ClientSettings.builder()
                // the practice's own applications: no "allow this app?" page
                .requireAuthorizationConsent(false)
                .setting(CLIENT_ROLES, List.copyOf(client.roles()));
        if (client.backChannelLogoutUri() != null && !client.backChannelLogoutUri().isBlank()) {
            settings.setting(BACK_CHANNEL_LOGOUT_URI, client.backChannelLogoutUri());
        }
        return RegisteredClient.withId(UUID.nameUUIDFromBytes(client.clientId().getBytes()).toString())
                .clientId(client.clientId())
                .clientSecret(client.clientSecret())
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_BASIC)
                .clientAuthenticationMethod(ClientAuthenticationMethod.CLIENT_SECRET_POST)
                .authorizationGrantType(AuthorizationGrantType.AUTHORIZATION_CODE)
                .authorizationGrantType(AuthorizationGrantType.REFRESH_TOKEN)
                .authorizationGrantType(AuthorizationGrantType.CLIENT_CREDENTIALS)
                .redirectUris(uris -> uris.addAll(client.redirectUris()))
                .postLogoutRedirectUris(uris -> uris.addAll(client.postLogoutRedirectUris()))
                .scope(OidcScopes.OPENID)
                .scope(OidcScopes.PROFILE)
                .clientSettings(settings.build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(properties.accessTokenLifetime()).build())
                .build();
    }
}
