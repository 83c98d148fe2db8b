package com.leadflow.review;

import com.leadflow.review.support.ReviewIntegrationTest;
import com.leadflow.test.ServiceBasicsScenarios;
import org.junit.jupiter.api.Test;

@ReviewIntegrationTest
class ReviewServiceStartsTest extends ServiceBasicsScenarios {

    @Test
    void keepsTheReviewQueueFromPeopleWhoAreNotClinicians() {
        http.get().uri("/api/reviews").headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                .expectStatus().isForbidden();
        http.get().uri("/api/reviews").exchange().expectStatus().isUnauthorized();
    }
}
