package com.leadflow.insurance.config;

import com.leadflow.insurance.check.CheckIntake;
import com.leadflow.insurance.check.LeadSubmittedListener;
import com.leadflow.insurance.check.PayerCall;
import com.leadflow.insurance.eligibility.AnswerClassifier;
import com.leadflow.insurance.eligibility.EligibilityGateway;
import com.leadflow.insurance.gateway.http.HttpEligibilityGateway;
import com.leadflow.insurance.gateway.simulated.SimulatedPayer;
import com.leadflow.platform.security.AccessRules;
import com.leadflow.platform.security.Role;
import io.github.resilience4j.circuitbreaker.CircuitBreakerConfig;
import io.github.resilience4j.circuitbreaker.CircuitBreakerRegistry;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import tools.jackson.databind.json.JsonMapper;

/** Wires the eligibility checks: the chosen payer gateway, per-payer circuit breakers, the lead listener. */
@Configuration(proxyBeanMethods = false)
public class InsuranceConfiguration {

    private static final Logger log = LoggerFactory.getLogger(InsuranceConfiguration.class);

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    AccessRules insuranceAccessRules() {
        return exchanges -> {
            exchanges.pathMatchers(HttpMethod.GET, "/api/payers").permitAll();
            exchanges.pathMatchers("/api/checks", "/api/leads/*/insurance-checks").hasRole(Role.CARE_MANAGER.name());
        };
    }

    @Bean
    EligibilityGateway eligibilityGateway(InsuranceProperties properties, Clock clock) {
        log.info("Eligibility gateway: {}", properties.gateway());
        return switch (properties.gateway()) {
            case HTTP -> new HttpEligibilityGateway(properties.http().baseUrl(), properties.http().path(),
                    properties.callTimeout(), JsonMapper.builder().build());
            case SIMULATED -> new SimulatedPayer(properties.simulated().slowAnswer(),
                    properties.simulated().hangingAnswer(), clock);
        };
    }

    /** One circuit breaker per payer id, created on a payer's first call. */
    @Bean
    CircuitBreakerRegistry payerCircuits(InsuranceProperties properties, Clock clock) {
        InsuranceProperties.Circuit circuit = properties.circuit();
        return CircuitBreakerRegistry.of(CircuitBreakerConfig.custom()
                .failureRateThreshold(circuit.failureRateThreshold())
                .slidingWindow(circuit.slidingWindowSize(), circuit.minimumCalls(),
                        CircuitBreakerConfig.SlidingWindowType.COUNT_BASED)
                .waitDurationInOpenState(circuit.openFor())
                .permittedNumberOfCallsInHalfOpenState(circuit.halfOpenCalls())
                .clock(clock)
                .build());
    }

    @Bean
    PayerCall payerCall(EligibilityGateway gateway, CircuitBreakerRegistry payerCircuits, InsuranceProperties properties,
            Clock clock) {
        return new PayerCall(gateway, new AnswerClassifier(), payerCircuits, properties.callTimeout(), clock);
    }

    @Bean
    LeadSubmittedListener leadSubmittedListener(CheckIntake intake) {
        return new LeadSubmittedListener(intake);
    }
}
