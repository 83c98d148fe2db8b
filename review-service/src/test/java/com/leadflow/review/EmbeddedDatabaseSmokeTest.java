package com.leadflow.review;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.RedFlag;
import com.leadflow.review.support.ReviewApi;
import com.leadflow.review.support.ReviewFixture;
import com.leadflow.review.support.ReviewIntegrationTest;
import com.leadflow.test.EmbeddedDatabaseFiles;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The zero-setup local run uses embedded H2 instead of PostgreSQL: the same migrations and
 * queries must work there. One pass through the whole review on H2 (its own context, so kept to
 * a single scenario).
 */
@ReviewIntegrationTest
@TestPropertySource(properties = "leadflow.database.url=jdbc:h2:file:./target/h2-smoke/review")
class EmbeddedDatabaseSmokeTest {

    @BeforeAll
    static void startFromAnEmptyDatabase() {
        EmbeddedDatabaseFiles.deleteBeforeUse("target/h2-smoke", "review");
    }

    @Autowired
    WebTestClient http;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    DatabaseClient db;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void aReviewIsQueuedClaimedAndCompletedOnTheEmbeddedDatabase() {
        try (ReviewFixture reviews = new ReviewFixture(kafka, db, brokers)) {
            var review = reviews.queueLead(List.of(RedFlag.SADDLE_NUMBNESS));
            ReviewApi api = new ReviewApi(http);
            api.post("drlee", review.reviewId(), "claim").expectStatus().isOk();
            api.post("drlee", review.reviewId(), "renew").expectStatus().isOk();
            api.complete("drlee", review.reviewId(), Map.of("outcome", "NOT_A_CANDIDATE", "nextStep", "CONSERVATIVE_CARE"))
                    .expectStatus().isOk();
            reviews.awaitStatus(review.leadId(), LeadStatus.REVIEW_COMPLETED);
        }
    }
}
