package com.leadflow.identity;

import java.net.URI;
import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.session.SessionInformation;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;

/**
 * Puts a person's roles into their ID and access tokens (the services read them from the configured
 * claim), gives a client's own tokens the roles configured for it, and remembers which applications
 * each session signed in to.
 */
final class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private static final String ROLE_PREFIX = "ROLE_";

    private final String rolesClaim;
    private final SignIns signIns;

    TokenClaims(String rolesClaim, SignIns signIns) {
        this.rolesClaim = rolesClaim;
        this.signIns = signIns;
    }

    @Override
    public void customize(JwtEncodingContext context) {
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            Object roles = context.getRegisteredClient().getClientSettings().getSetting(ClientApplications.CLIENT_ROLES);
            context.getClaims().claim(rolesClaim, roles == null ? List.of() : roles);
            return;
        }
        List<String> roles = roles(context.getPrincipal().getAuthorities());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (idToken || OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType())) {
            context.getClaims().claim(rolesClaim, roles);
            context.getClaims().claim("preferred_username", context.getPrincipal().getName());
        }
        SessionInformation session = context.get(SessionInformation.class);
        if (idToken && session != null
                && context.getAuthorizationGrant() instanceof OAuth2AuthorizationCodeAuthenticationToken code
                && code.getRedirectUri() != null) {
            signIns.record(session.getSessionId(), new SignIns.SignIn(context.getRegisteredClient().getClientId(),
                    context.getPrincipal().getName(), URI.create(code.getRedirectUri())));
        }
    }

    private static List<String> roles(Collection<? extends GrantedAuthority> authorities) {
        return authorities.stream().map(GrantedAuthority::getAuthority)
                .filter(authority -> authority.startsWith(ROLE_PREFIX))
                .map(authority -> authority.substring(ROLE_PREFIX.length()))
                .sorted().toList();
    }
}
