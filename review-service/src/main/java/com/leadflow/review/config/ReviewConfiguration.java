package com.leadflow.review.config;

import com.leadflow.platform.security.AccessRules;
import com.leadflow.platform.security.Role;
import com.leadflow.review.queue.DeadlinePolicy;
import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The review service's wiring: its clock, its deadline policy and who may use it. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
public class ReviewConfiguration {

    /** All review times come from this clock, so tests can move time on. */
    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    DeadlinePolicy deadlinePolicy(ReviewProperties properties) {
        return properties.deadlinePolicy();
    }

    /** The queue, its tasks and the clinician page are for clinicians only. */
    @Bean
    AccessRules reviewAccessRules() {
        return exchanges -> exchanges
                .pathMatchers("/api/reviews/**", "/clinician/**").hasRole(Role.CLINICIAN.name());
    }
}
