package com.leadflow.matching;

import com.leadflow.test.LeadflowIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.test.web.reactive.server.WebTestClient;

@LeadflowIntegrationTest
@AutoConfigureWebTestClient
class MatchingServiceStartsTest {

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
