package com.leadflow.outreach.security;

import com.leadflow.platform.security.AccessRules;
import com.leadflow.platform.security.AnonymousEndpoints;
import com.leadflow.platform.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may do what at outreach. A recipient opens the kit link and the unsubscribe page from a
 * message, and the SMS gateway posts replies (signed, checked by {@code TwilioSignature}); care
 * managers see a lead's messages, send a kit again and read the local stack's outbox.
 */
@Configuration(proxyBeanMethods = false)
class OutreachAccessRules {

    /** Where the SMS gateway posts replies (InboundSmsController). */
    private static final String SMS_WEBHOOK = "/sms/inbound";

    @Bean
    AccessRules outreachRules() {
        return exchanges -> {
            exchanges.pathMatchers(HttpMethod.GET, "/assets/**", "/favicon.ico", "/kit/*").permitAll();
            exchanges.pathMatchers(HttpMethod.GET, "/unsubscribe/*").permitAll();
            exchanges.pathMatchers(HttpMethod.POST, "/unsubscribe/*", SMS_WEBHOOK).permitAll();
            exchanges.pathMatchers("/api/outreach/**", "/local/**").hasRole(Role.CARE_MANAGER.name());
        };
    }

    /**
     * The unsubscribe confirmation (also mail programs' one-click POST, RFC 8058) acts for whoever
     * holds the link's token, and the SMS webhook for the gateway, which proves itself by its
     * signature: neither acts for anyone signed in, so they need no CSRF token, even when a staff
     * member's browser sends its session cookie along.
     */
    @Bean
    AnonymousEndpoints outreachAnonymousEndpoints() {
        return () -> ServerWebExchangeMatchers.pathMatchers(HttpMethod.POST, "/unsubscribe/*", SMS_WEBHOOK);
    }
}
