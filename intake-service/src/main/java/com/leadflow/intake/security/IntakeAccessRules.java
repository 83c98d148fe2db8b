package com.leadflow.intake.security;

import com.leadflow.platform.security.AccessRules;
import com.leadflow.platform.security.AnonymousEndpoints;
import com.leadflow.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may do what at intake. The public may load the form, submit it, upload imaging and use its
 * private status link; care managers see leads and record contact; clinicians fetch imaging; the
 * outreach service fetches a visitor's status link for its messages.
 */
@Configuration(proxyBeanMethods = false)
class IntakeAccessRules {

    @Bean
    AccessRules intakeRules() {
        return exchanges -> {
            exchanges.pathMatchers(HttpMethod.GET, "/", "/index.html", "/status.html", "/privacy.html", "/assets/**", "/favicon.ico",
                    "/api/disclosure").permitAll();
            exchanges.pathMatchers(HttpMethod.POST, "/api/leads", "/api/imaging").permitAll();
            exchanges.pathMatchers("/api/status/**").permitAll();
            exchanges.pathMatchers(HttpMethod.GET, "/api/imaging/*", "/api/imaging/*/series/*/instances/*")
                    .hasRole(Role.CLINICIAN.name());
            exchanges.pathMatchers(HttpMethod.GET, "/api/status-links/*").hasRole(Role.OUTREACH.name());
            exchanges.pathMatchers("/api/leads/**", "/api/care/**", "/care/**").hasRole(Role.CARE_MANAGER.name());
        };
    }

    /**
     * The visitor's form submission, imaging upload and status link act for nobody signed in, so they
     * need no CSRF token (a cross-site request there can do no more than the visitor could).
     */
    @Bean
    AnonymousEndpoints intakeAnonymousEndpoints() {
        return () -> ServerWebExchangeMatchers.matchers(
                ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/api/leads", "/api/imaging"),
                ServerWebExchangeMatchers.pathMatchers("/api/status/**"));
    }
}
