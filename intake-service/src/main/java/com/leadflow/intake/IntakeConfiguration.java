package com.leadflow.intake;

import com.leadflow.intake.evidence.DisclosureCatalog;
import com.leadflow.intake.lead.LeadValidator;
import java.time.Clock;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The plain-Java rules of intake, wired with the clock and the published disclosure texts. */
@Configuration(proxyBeanMethods = false)
class IntakeConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    LeadValidator leadValidator(Clock clock, DisclosureCatalog disclosures) {
        return new LeadValidator(clock, disclosures::isKnown);
    }
}
