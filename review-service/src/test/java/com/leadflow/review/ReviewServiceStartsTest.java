package com.leadflow.review;

import com.leadflow.review.support.ReviewIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.reactive.server.WebTestClient;

@ReviewIntegrationTest
class ReviewServiceStartsTest {

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

    @Test
    void keepsTheReviewQueueFromPeopleWhoAreNotClinicians() {
        http.get().uri("/api/reviews").headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/reviews").exchange().expectStatus().isUnauthorized();
    }
}
