package com.leadflow.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The demo identity provider's people and client applications.
 *
 * @param issuer the issuer URL the services are told (it must be the address browsers use);
 *     empty: derived from each request, which suits a single host
 * @param rolesClaim the claim that carries a person's roles in ID and access tokens
 * @param accessTokenLifetime how long an access token is accepted
 * @param users the people who may sign in
 * @param clients the applications (one per service) that sign people in here
 */
@ConfigurationProperties("leadflow.identity")
public record IdentityProperties(
        String issuer,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("10m") Duration accessTokenLifetime,
        @DefaultValue List<User> users,
        @DefaultValue List<Client> clients) {

    /**
     * A person; the password is a {@code {noop}} or {@code {bcrypt}} encoded string.
     *
     * @param roles leadflow role names, e.g. {@code CLINICIAN}
     */
    public record User(String username, String password, @DefaultValue List<String> roles) {
    }

    /**
     * A client application.
     *
     * @param redirectUris where a signed-in person is sent back to; an address on 127.0.0.1 matches
     *     any port (OAuth 2.1's rule for loopback addresses), which lets tests run services on free ports
     * @param postLogoutRedirectUris where a signed-out person may be sent back to (same loopback rule)
     * @param backChannelLogoutUri where the provider posts a logout token when a person signs out; a
     *     path alone ({@code /logout/connect/back-channel/leadflow}) is taken relative to the address
     *     the client used to sign the person in
     * @param roles the roles of tokens the client obtains for itself (client credentials), e.g. for tests
     */
    public record Client(String clientId, String clientSecret, @DefaultValue List<String> redirectUris,
            @DefaultValue List<String> postLogoutRedirectUris, String backChannelLogoutUri,
            @DefaultValue List<String> roles) {
    }
}
