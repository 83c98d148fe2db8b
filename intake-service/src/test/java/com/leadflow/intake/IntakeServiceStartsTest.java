package com.leadflow.intake;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@IntakeIntegrationTest
class IntakeServiceStartsTest {

    @Autowired
    WebTestClient http;

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
