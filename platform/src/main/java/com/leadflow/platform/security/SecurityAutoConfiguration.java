package com.leadflow.platform.security;

import java.util.Collection;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.security.autoconfigure.ReactiveUserDetailsServiceAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.convert.converter.Converter;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.config.annotation.web.reactive.EnableWebFluxSecurity;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoders;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.oauth2.server.resource.authentication.ReactiveJwtAuthenticationConverterAdapter;
import org.springframework.security.web.server.SecurityWebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Who may see what, the same in every service: health is public; metrics are for ops; each
 * service adds its own rules through an {@link AccessRules} bean; everything else needs a
 * signed-in person. People sign in with a JWT from the practice's identity provider in
 * production, or as a documented demo user on the local stack (HTTP Basic or the login page).
 */
@AutoConfiguration(before = ReactiveUserDetailsServiceAutoConfiguration.class)
@EnableWebFluxSecurity
@EnableConfigurationProperties(SecurityProperties.class)
public class SecurityAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(SecurityAutoConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    public SecurityWebFilterChain leadflowSecurity(ServerHttpSecurity http, SecurityProperties properties,
            ObjectProvider<AccessRules> serviceRules) {
        http.authorizeExchange(exchanges -> {
            exchanges.pathMatchers("/actuator/health/**", "/actuator/health", "/actuator/info").permitAll();
            exchanges.pathMatchers("/actuator/**").hasAnyRole(Role.OPS.name(), Role.ADMIN.name());
            exchanges.pathMatchers(HttpMethod.OPTIONS, "/**").permitAll();
            serviceRules.orderedStream().forEach(rules -> rules.apply(exchanges));
            exchanges.anyExchange().authenticated();
        });
        // APIs are called with Basic or bearer credentials; the session cookie of the pages is SameSite
        http.csrf(ServerHttpSecurity.CsrfSpec::disable);
        if (properties.demoUsersActive()) {
            http.httpBasic(basic -> { });
            http.formLogin(form -> { });
        }
        if (properties.jwtIssuerUri() != null && !properties.jwtIssuerUri().isBlank()) {
            http.oauth2ResourceServer(oauth -> oauth.jwt(jwt -> jwt
                    .jwtDecoder(ReactiveJwtDecoders.fromIssuerLocation(properties.jwtIssuerUri()))
                    .jwtAuthenticationConverter(new ReactiveJwtAuthenticationConverterAdapter(new RolesClaimConverter()))));
        }
        return http.build();
    }

    @Bean
    @ConditionalOnMissingBean
    public ReactiveUserDetailsService leadflowDemoUsers(SecurityProperties properties) {
        if (!properties.demoUsersActive() || properties.demoUsers().isEmpty()) {
            // nobody can sign in with a password; JWTs still work
            return username -> Mono.empty();
        }
        log.warn("Demo users are enabled ({}): for the local stack only", properties.demoUsers().size());
        List<UserDetails> users = properties.demoUsers().stream()
                .map(user -> User.withUsername(user.username())
                        .password(user.password())
                        .roles(user.roles().stream().map(Role::name).toArray(String[]::new))
                        .build())
                .toList();
        return new MapReactiveUserDetailsService(users);
    }

    /** Roles from the identity provider's {@code roles} claim, e.g. {@code ["CLINICIAN"]}. */
    static final class RolesClaimConverter implements Converter<Jwt, AbstractAuthenticationToken> {
        @Override
        public AbstractAuthenticationToken convert(Jwt jwt) {
            Collection<String> roles = jwt.getClaimAsStringList("roles");
            List<GrantedAuthority> authorities = roles == null ? List.of() : roles.stream()
                    .map(role -> (GrantedAuthority) new SimpleGrantedAuthority("ROLE_" + role))
                    .toList();
            return new JwtAuthenticationToken(jwt, authorities, jwt.getClaimAsString("preferred_username"));
        }
    }
}
