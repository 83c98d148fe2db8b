package com.leadflow.platform.security;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How people sign in. With an issuer set, staff sign in at that OpenID Connect provider (the local
 * stack's {@code identity}, or the practice's Keycloak, Entra ID or Okta) and APIs accept its bearer
 * tokens; the same settings serve any of them.
 *
 * @param issuerUri the provider's issuer URL; its discovery document names every other endpoint
 * @param clientId this service's client id at the provider
 * @param clientSecret this service's client secret at the provider
 * @param scopes the scopes asked for at sign-in; {@code openid, profile} unless set
 * @param rolesClaim the ID- and access-token claim holding leadflow role names; a dotted path reads a
 *     nested claim (Keycloak's {@code realm_access.roles}); values match {@link Role} names, any case
 * @param usernameClaim the claim naming the person, as audit records and pages show them
 * @param demoUsersEnabled whether the demo users below may sign in with HTTP Basic: for service tests
 *     and scripts only, never in the local stack's browser flow or in production; off unless set
 * @param demoUsers the demo users
 */
@ConfigurationProperties("leadflow.security")
public record SecurityProperties(
        String issuerUri,
        String clientId,
        String clientSecret,
        List<String> scopes,
        @DefaultValue("roles") String rolesClaim,
        @DefaultValue("preferred_username") String usernameClaim,
        @DefaultValue("false") boolean demoUsersEnabled,
        @DefaultValue List<DemoUser> demoUsers) {

    public SecurityProperties {
        // a value set as one string ("openid,profile") may reach here unsplit: the provider refuses that
        // as one unknown scope (invalid_scope), so each is split; none given means openid and profile
        List<String> given = scopes == null ? List.of() : scopes.stream()
                .flatMap(scope -> java.util.Arrays.stream(scope.split("[,\\s]+")))
                .filter(scope -> !scope.isBlank())
                .toList();
        scopes = given.isEmpty() ? List.of("openid", "profile") : given;
    }

    /** Whether staff sign in at an OpenID Connect provider (and bearer tokens are accepted). */
    public boolean oidcEnabled() {
        return issuerUri != null && !issuerUri.isBlank();
    }

    /** Whether a browser can be sent to sign in: an issuer and this service's client at it. */
    public boolean signInEnabled() {
        return oidcEnabled() && clientId != null && !clientId.isBlank();
    }

    /** A demo user; the password is a {@code {noop}} or {@code {bcrypt}} encoded string. */
    public record DemoUser(String username, String password, List<Role> roles) {
    }
}
