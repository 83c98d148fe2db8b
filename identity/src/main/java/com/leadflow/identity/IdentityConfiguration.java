package com.leadflow.identity;

import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import jakarta.servlet.http.HttpSession;
import java.net.URI;
import java.util.List;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.core.session.SessionRegistry;
import org.springframework.security.core.session.SessionRegistryImpl;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.context.AuthorizationServerContextHolder;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationProvider;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationToken;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationValidator;
import org.springframework.security.oauth2.server.authorization.oidc.web.authentication.OidcLogoutAuthenticationSuccessHandler;
import org.springframework.security.oauth2.server.authorization.settings.AuthorizationServerSettings;
import org.springframework.security.provisioning.InMemoryUserDetailsManager;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter;
import org.springframework.security.web.session.HttpSessionEventPublisher;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;
import org.springframework.util.StringUtils;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The provider: Spring Authorization Server's OpenID Connect endpoints (discovery, authorize, token,
 * JWKS, user info, RP-initiated logout), a sign-in page of its own, the demo users, and
 * back-channel logout of every application a session signed in to.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityConfiguration {

    /** No inline script or style anywhere; pages load their CSS from the provider itself. */
    static final String CONTENT_SECURITY_POLICY =
            "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self'; object-src 'none'; "
                    + "base-uri 'none'; frame-ancestors 'none'";

    @Bean
    @Order(1)
    SecurityFilterChain authorizationServerEndpoints(HttpSecurity http, BackChannelLogout backChannel) throws Exception {
        OidcLogoutAuthenticationSuccessHandler signedOut = new OidcLogoutAuthenticationSuccessHandler();
        SecurityContextLogoutHandler endLocalSession = new SecurityContextLogoutHandler();
        signedOut.setLogoutHandler((request, response, authentication) -> {
            OidcLogoutAuthenticationToken logout = (OidcLogoutAuthenticationToken) authentication;
            String sid = logout.getIdToken().getClaimAsString("sid");
            if (sid != null) {
                backChannel.endSession(sid, AuthorizationServerContextHolder.getContext().getIssuer());
            }
            if (logout.isPrincipalAuthenticated()) {
                endLocalSession.logout(request, response, (org.springframework.security.core.Authentication) logout.getPrincipal());
            }
        });
        http.oauth2AuthorizationServer(server -> {
            http.securityMatcher(server.getEndpointsMatcher());
            server.oidc(oidc -> oidc.logoutEndpoint(logout -> logout
                    .logoutResponseHandler(signedOut)
                    .authenticationProviders(providers -> providers.forEach(provider -> {
                        if (provider instanceof OidcLogoutAuthenticationProvider oidcLogout) {
                            oidcLogout.setAuthenticationValidator(IdentityConfiguration::validatePostLogoutRedirect);
                        }
                    }))));
        });
        http.authorizeHttpRequests(requests -> requests.anyRequest().authenticated());
        // a browser that is not signed in yet is sent to the sign-in page, then on to the application
        http.exceptionHandling(exceptions -> exceptions.defaultAuthenticationEntryPointFor(
                new LoginUrlAuthenticationEntryPoint("/login"), new MediaTypeRequestMatcher(MediaType.TEXT_HTML)));
        hardenHeaders(http);
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain signInPages(HttpSecurity http, SessionRegistry sessions, BackChannelLogout backChannel,
            IdentityProperties properties) throws Exception {
        http.authorizeHttpRequests(requests -> requests
                .requestMatchers("/login", "/assets/**", "/favicon.ico", "/actuator/health/**", "/actuator/health",
                        "/error").permitAll()
                .anyRequest().authenticated());
        http.formLogin(form -> form.loginPage("/login"));
        // signing out at the provider's own page ends the applications' sessions too
        http.logout(logout -> logout.addLogoutHandler((request, response, authentication) -> {
            HttpSession session = request.getSession(false);
            if (session != null) {
                String issuer = StringUtils.hasText(properties.issuer()) ? properties.issuer()
                        : ServletUriComponentsBuilder.fromContextPath(request).replacePath(request.getContextPath()).build().toUriString();
                backChannel.endSession(SignIns.sid(session.getId()), issuer);
            }
        }));
        http.sessionManagement(session -> session.maximumSessions(-1).sessionRegistry(sessions));
        hardenHeaders(http);
        return http.build();
    }

    private static void hardenHeaders(HttpSecurity http) throws Exception {
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicyHeaderWriter.ReferrerPolicy.NO_REFERRER)));
    }

    /**
     * Exact match, as the specification asks, except that an address on a loopback IP matches any
     * port: the same rule Spring Authorization Server applies to sign-in redirects, so services on
     * free ports (tests) can send people back after signing out too.
     */
    static void validatePostLogoutRedirect(org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcLogoutAuthenticationContext context) {
        String requested = context.<OidcLogoutAuthenticationToken>getAuthentication().getPostLogoutRedirectUri();
        if (!StringUtils.hasText(requested)) {
            return;
        }
        URI uri = URI.create(requested);
        boolean loopback = uri.getHost() != null && uri.getHost().startsWith("127.");
        boolean allowed = context.getRegisteredClient().getPostLogoutRedirectUris().stream().anyMatch(registered ->
                registered.equals(requested) || (loopback
                        && UriComponentsBuilder.fromUriString(registered).port(uri.getPort()).build().toUriString().equals(requested)));
        if (!allowed) {
            OidcLogoutAuthenticationValidator.DEFAULT_POST_LOGOUT_REDIRECT_URI_VALIDATOR.accept(context);
        }
    }

    @Bean
    RegisteredClientRepository registeredClients(IdentityProperties properties) {
        return ClientApplications.repository(properties);
    }

    @Bean
    AuthorizationServerSettings authorizationServerSettings(IdentityProperties properties) {
        AuthorizationServerSettings.Builder settings = AuthorizationServerSettings.builder();
        if (StringUtils.hasText(properties.issuer())) {
            settings.issuer(properties.issuer());
        }
        return settings.build();
    }

    @Bean
    UserDetailsService demoUsers(IdentityProperties properties) {
        List<org.springframework.security.core.userdetails.UserDetails> users = properties.users().stream()
                .map(user -> User.withUsername(user.username()).password(user.password())
                        .roles(user.roles().toArray(String[]::new)).build())
                .toList();
        return new InMemoryUserDetailsManager(users);
    }

    @Bean
    SignIns signIns() {
        return new SignIns();
    }

    @Bean
    TokenClaims tokenClaims(IdentityProperties properties, SignIns signIns) {
        return new TokenClaims(properties.rolesClaim(), signIns);
    }

    @Bean
    BackChannelLogout backChannelLogout(SignIns signIns, RegisteredClientRepository clients, JWKSource<SecurityContext> keys) {
        JwtEncoder encoder = new NimbusJwtEncoder(keys);
        return new BackChannelLogout(signIns, clients, encoder);
    }

    /** Lets the provider name each session in its ID tokens ({@code sid}), which logout needs. */
    @Bean
    SessionRegistry sessionRegistry() {
        return new SessionRegistryImpl();
    }

    @Bean
    HttpSessionEventPublisher httpSessionEventPublisher() {
        return new HttpSessionEventPublisher();
    }
}
