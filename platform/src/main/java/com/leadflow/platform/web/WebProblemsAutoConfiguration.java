package com.leadflow.platform.web;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.webflux.autoconfigure.WebFluxAutoConfiguration;
import org.springframework.context.annotation.Bean;
import tools.jackson.databind.json.JsonMapper;

/**
 * One problem-details handler for every service, registered before Boot's own so it replaces it
 * (Boot backs off when any {@code ResponseEntityExceptionHandler} exists); one handler for what
 * fails outside controllers; and one strict reading of JSON bodies.
 */
@AutoConfiguration(before = WebFluxAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.REACTIVE)
public class WebProblemsAutoConfiguration {

    @Bean
    public ProblemDetailsAdvice leadflowProblemDetailsAdvice() {
        return new ProblemDetailsAdvice();
    }

    @Bean
    public UnexpectedErrorHandler leadflowUnexpectedErrorHandler(JsonMapper json) {
        return new UnexpectedErrorHandler(json);
    }

    @Bean
    public StrictJson leadflowStrictJson() {
        return new StrictJson();
    }
}
