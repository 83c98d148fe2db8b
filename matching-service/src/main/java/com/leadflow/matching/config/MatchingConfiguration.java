package com.leadflow.matching.config;

import com.leadflow.platform.security.AccessRules;
import com.leadflow.platform.security.Role;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Matching's clock and who may call its API. */
@Configuration
public class MatchingConfiguration {

    @Bean
    public Clock clock() {
        return Clock.systemUTC();
    }

    /**
     * Admins manage the ambassador registry; care managers may look it up. Matches are worked by
     * care managers (recording the ambassador's answer and the visitor's feedback) and admins.
     */
    @Bean
    public AccessRules matchingAccessRules() {
        return exchanges -> exchanges
                .pathMatchers(HttpMethod.GET, "/api/ambassadors/**").hasAnyRole(Role.ADMIN.name(), Role.CARE_MANAGER.name())
                .pathMatchers("/api/ambassadors/**").hasRole(Role.ADMIN.name())
                .pathMatchers("/api/matches/**").hasAnyRole(Role.ADMIN.name(), Role.CARE_MANAGER.name());
    }
}
