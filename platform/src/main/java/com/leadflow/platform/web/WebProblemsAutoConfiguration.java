package com.leadflow.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * One problem-details handler for every service, registered before Boot's own so it replaces it
 * (Boot backs off when any {@code ResponseEntityExceptionHandler} exists).
 */
@AutoConfiguration(before = WebFluxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class WebProblemsAutoConfiguration {

    @Bean
    public ProblemDetailsAdvice leadflowProblemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }
}
