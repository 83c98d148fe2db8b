package com.leadflow.platform.security;

import com.leadflow.platform.openapi.OpenApiPaths;
import java.net.URI;
import java.time.Clock;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.client.oidc.server.session.InMemoryReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.server.session.ReactiveOidcSessionRegistry;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcReactiveOAuth2UserService;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.web.server.logout.OidcClientInitiatedServerLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ReactiveClientRegistrationRepository;
import org.springframework.security.oauth2.client.userinfo.ReactiveOAuth2UserService;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.RedirectServerLogoutSuccessHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.session.WebSessionManager;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Who may see what, the same in every service: health is public; metrics are for ops; each service
 * adds its own rules through an {@link AccessRules} bean; everything else needs a signed-in person.
 * Staff sign in once at the practice's OpenID Connect provider (authorization-code flow) and APIs
 * accept its bearer tokens, with roles from a configured claim. Changes made with the session cookie
 * need a CSRF token; every answer carries a Content-Security-Policy; 401 and 403 are problem details
 * for API callers and pages for people.
 */
@AutoConfiguration(before = ReactiveUserDetailsServiceAutoConfiguration.class)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityAutoConfiguration {

    /**
     * Scripts, styles and everything else from the service itself only: no inline script or style,
     * no plug-ins, no framing. {@code data:} images only for the browser's own form widgets.
     */
    public static final String CONTENT_SECURITY_POLICY = "default-src 'self'; script-src 'self'; style-src 'self'; "
            + "img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

    private static final Logger log = LoggerFactory.getLogger(SecurityAutoConfiguration.class);

    /** Verified bearer tokens a service remembers until they expire: its callers and signed-in staff, with room to spare. */
    private static final int REMEMBERED_TOKENS = 1_000;

    @Bean
    @ConditionalOnMissingBean
    public SecurityWebFilterChain leadflowSecurity(ServerHttpSecurity http, SecurityProperties properties,
            ObjectProvider<AccessRules> serviceRules, ObjectProvider<AnonymousEndpoints> anonymous,
            ObjectProvider<JsonMapper> json, ObjectProvider<ReactiveClientRegistrationRepository> clients,
            ObjectProvider<WebSessionManager> sessions, Environment environment) {
        DeniedResponses denied = new DeniedResponses(properties.signInEnabled(),
                json.getIfAvailable(() -> JsonMapper.builder().build()));
        http.authorizeExchange(exchanges -> {
            exchanges.pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll();
            exchanges.pathMatchers("/actuator/**").hasAnyRole(Role.OPS.name(), Role.ADMIN.name());
            exchanges.pathMatchers(HttpMethod.OPTIONS, "/**").permitAll();
            exchanges.pathMatchers(HttpMethod.GET, "/leadflow/staff.js", "/leadflow/staff.css",
                    StaffSessionRoutes.SIGNED_OUT_PATH).permitAll();
            // the API documents and Swagger UI are for staff; a service's public document for anyone
            String publicDocument = environment.getProperty("leadflow.openapi.public-document", "");
            if (!publicDocument.isBlank()) {
                exchanges.pathMatchers(HttpMethod.GET, OpenApiPaths.DOCS + "/" + publicDocument).permitAll();
            }
            exchanges.pathMatchers(OpenApiPaths.STAFF).authenticated();
            serviceRules.orderedStream().forEach(rules -> rules.apply(exchanges));
            exchanges.anyExchange().authenticated();
        });
        String sessionCookie = environment.getProperty("server.reactive.session.cookie.name", "SESSION");
        ServerWebExchangeMatcher anonymousEndpoints = anonymous.stream().findFirst()
                .map(AnonymousEndpoints::matcher)
                .orElse(exchange -> ServerWebExchangeMatcher.MatchResult.notMatch());
        // a session only for whoever signs in: anonymous requests (the public form, status links) need none
        http.securityContextRepository(new SessionCookieContexts(sessionCookie));
        http.requestCache(cache -> cache.requestCache(new SessionCookieRequestCache(sessionCookie)));
        http.csrf(csrf -> csrf
                .requireCsrfProtectionMatcher(new CsrfRule(sessionCookie, anonymousEndpoints))
                .accessDeniedHandler(denied));
        http.exceptionHandling(exceptions -> exceptions.authenticationEntryPoint(denied).accessDeniedHandler(denied));
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.NO_REFERRER))
                .permissionsPolicy(permissions -> permissions.policy("camera=(), microphone=(), geolocation=(), payment=()")));
        http.formLogin(ServerHttpSecurity.FormLoginSpec::disable);
        if (properties.demoUsersEnabled()) {
            // each request signs in again: no session for it (as when no context repository is set above)
            http.httpBasic(basic -> basic.authenticationEntryPoint(denied)
                    .securityContextRepository(NoOpServerSecurityContextRepository.getInstance()));
        } else {
            http.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable);
        }
        if (properties.oidcEnabled()) {
            RolesClaim roles = new RolesClaim(properties.rolesClaim());
            NimbusReactiveJwtDecoder verifying = NimbusReactiveJwtDecoder.withIssuerLocation(properties.issuerUri()).build();
            OAuth2TokenValidator<Jwt> validator = JwtValidators.createDefaultWithIssuer(properties.issuerUri());
            verifying.setJwtValidator(validator);
            // callers send one token until it nears its expiry: its signature is checked once
            ReactiveJwtDecoder decoder = new RememberedJwtDecoder(verifying, validator, REMEMBERED_TOKENS, Clock.systemUTC());
            http.oauth2ResourceServer(oauth -> oauth
                    .authenticationEntryPoint(denied)
                    .accessDeniedHandler(denied)
                    .jwt(jwt -> jwt.jwtDecoder(decoder).jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(
                            token -> new JwtAuthenticationToken(token, roles.authorities(token.getClaims()),
                                    token.hasClaim(properties.usernameClaim())
                                            ? token.getClaimAsString(properties.usernameClaim()) : token.getSubject())))));
        }
        DelegatingServerLogoutHandler endSession = new DelegatingServerLogoutHandler(
                new SecurityContextServerLogoutHandler(), new WebSessionServerLogoutHandler());
        if (properties.signInEnabled()) {
            ReactiveClientRegistrationRepository registrations = clients.getObject();
            ReactiveOidcSessionRegistry signIns = new InMemoryReactiveOidcSessionRegistry();
            http.oauth2Login(login -> login
                    .clientRegistrationRepository(registrations)
                    .oidcSessionRegistry(signIns)
                    .loginPage(StaffPages.SIGN_IN_PATH)
                    .authenticationFailureHandler((exchange, failure) -> {
                        // the OAuth error code says which step failed (state, token exchange, ID token); no personal data
                        log.warn("Sign-in at the identity provider did not complete: {}",
                                failure instanceof OAuth2AuthenticationException oauth ? oauth.getError().getErrorCode()
                                        : failure.getClass().getSimpleName());
                        return StaffPages.write(exchange.getExchange(), HttpStatus.UNAUTHORIZED, StaffPages.signInFailed());
                    }));
            http.oidcLogout(logout -> logout
                    .clientRegistrationRepository(registrations)
                    .oidcSessionRegistry(signIns)
                    .backChannel(backChannel -> backChannel.logoutHandler(new EndSessionsOnLogoutToken(signIns, sessions))));
            // signing out here ends the sign-in at the provider too, which then tells the other services
            OidcClientInitiatedServerLogoutSuccessHandler atProvider = new OidcClientInitiatedServerLogoutSuccessHandler(registrations);
            atProvider.setPostLogoutRedirectUri("{baseUrl}" + StaffSessionRoutes.SIGNED_OUT_PATH);
            atProvider.setLogoutSuccessUrl(URI.create(StaffSessionRoutes.SIGNED_OUT_PATH));
            http.logout(logout -> logout.logoutHandler(endSession).logoutSuccessHandler(atProvider));
        } else {
            RedirectServerLogoutSuccessHandler signedOut = new RedirectServerLogoutSuccessHandler();
            signedOut.setLogoutSuccessUrl(URI.create(StaffSessionRoutes.SIGNED_OUT_PATH));
            http.logout(logout -> logout.logoutHandler(endSession).logoutSuccessHandler(signedOut));
            if (!properties.demoUsersEnabled()) {
                log.warn("Nobody can sign in: set leadflow.security.issuer-uri and client-id (or, for tests only, "
                        + "leadflow.security.demo-users-enabled)");
            }
        }
        SecurityWebFilterChain chain = http.build();
        denied.useRulesOf(chain);
        return chain;
    }

    /**
     * Spring Security observes nothing: its chain then runs undecorated. Switching its observations
     * off by name ({@code management.observations.enable.spring.security=false}, the platform's
     * defaults) only made each one a no-op; the chain was still wrapped, each of its filters in an
     * observing filter of its own, on every request.
     */
    @Bean
    @ConditionalOnMissingBean
    public SecurityObservationSettings leadflowSecurityObservations() {
        return SecurityObservationSettings.noObservations();
    }

    /** This service as a client of the provider, when one is configured. */
    @Bean
    @ConditionalOnMissingBean
    public ReactiveClientRegistrationRepository leadflowClientRegistration(SecurityProperties properties) {
        if (!properties.signInEnabled()) {
            return registrationId -> Mono.empty();
        }
        return new IssuerClientRegistration(properties);
    }

    /** Roles of a person signing in come from the ID token's (or user info's) configured claim. */
    @Bean
    @ConditionalOnMissingBean
    public ReactiveOAuth2UserService<OidcUserRequest, OidcUser> leadflowOidcUsers(SecurityProperties properties) {
        OidcReactiveOAuth2UserService delegate = new OidcReactiveOAuth2UserService();
        RolesClaim roles = new RolesClaim(properties.rolesClaim());
        return request -> delegate.loadUser(request).map(user -> new DefaultOidcUser(
                roles.authorities(user.getClaims()), user.getIdToken(), user.getUserInfo(), properties.usernameClaim()));
    }

    @Bean
    public RouterFunction<ServerResponse> leadflowStaffSessionRoutes() {
        return StaffSessionRoutes.routes();
    }

    @Bean
    @ConditionalOnMissingBean
    public ReactiveUserDetailsService leadflowDemoUsers(SecurityProperties properties) {
        if (!properties.demoUsersEnabled() || properties.demoUsers().isEmpty()) {
            // nobody can sign in with a password; the provider's sign-in and tokens still work
            return username -> Mono.empty();
        }
        log.warn("Demo users may sign in with HTTP Basic ({}): for tests only", properties.demoUsers().size());
        List<UserDetails> users = properties.demoUsers().stream()
                .map(user -> User.withUsername(user.username())
                        .password(user.password())
                        .roles(user.roles().stream().map(Role::name).toArray(String[]::new))
                        .build())
                .toList();
        return new MapReactiveUserDetailsService(users);
    }
}
