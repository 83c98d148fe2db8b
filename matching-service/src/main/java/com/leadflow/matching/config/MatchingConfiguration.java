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
     * The ambassador coordinator (and admins) run the program from the coordinator's page: the
     * registry, the match board and the wait-list. Care managers may look the registry up and work
     * the matches of the leads they follow (recording the ambassador's answer and the visitor's
     * feedback).
     */
    @Bean
    public AccessRules matchingAccessRules() {
        String coordinator = Role.COORDINATOR.name();
        String admin = Role.ADMIN.name();
        String care = Role.CARE_MANAGER.name();
        return exchanges -> exchanges
                .pathMatchers("/coordinator/**", "/api/match-board/**", "/api/waitlist/**", "/api/coordinator/**")
                .hasAnyRole(coordinator, admin)
                .pathMatchers(HttpMethod.GET, "/api/ambassadors/**").hasAnyRole(care, coordinator, admin)
                .pathMatchers("/api/ambassadors/**").hasAnyRole(coordinator, admin)
                .pathMatchers("/api/matches/**").hasAnyRole(care, coordinator, admin);
    }
}
