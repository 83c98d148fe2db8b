package com.leadflow.test;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What every service must do once started, whatever it is for: report healthy to anyone, and keep
 * its metrics from anonymous callers. A service's test extends this with its own test annotation.
 */
public abstract class ServiceBasicsScenarios {

    @Autowired
    protected WebTestClient http;

    @Test
    void reportsHealthyOnceStarted() {
        http.get().uri("/actuator/health").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("UP");
    }

    @Test
    void keepsMetricsFromAnonymousCallers() {
        http.get().uri("/actuator/prometheus").exchange().expectStatus().isUnauthorized();
    }
}
