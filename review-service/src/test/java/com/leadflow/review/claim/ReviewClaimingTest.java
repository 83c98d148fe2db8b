package com.leadflow.review.claim;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.Procedure;
import com.leadflow.events.RedFlag;
import com.leadflow.events.ReviewOutcome;
import com.leadflow.review.queue.QueueSweep;
import com.leadflow.review.support.Leads;
import com.leadflow.test.MutableClock;
import com.leadflow.review.support.ReviewApi;
import com.leadflow.review.support.ReviewFixture;
import com.leadflow.review.support.ReviewFixture.Queued;
import com.leadflow.review.support.ReviewIntegrationTest;
import com.leadflow.review.metrics.ReviewMetrics;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Claims, leases and outcomes, against PostgreSQL with real concurrent requests. */
@ReviewIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewClaimingTest {

    private static final Instant TUESDAY = Instant.parse("2026-11-24T15:00:00Z");

    @Autowired
    WebTestClient http;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    DatabaseClient db;
    @Autowired
    MutableClock clock;
    @Autowired
    QueueSweep sweep;
    @Autowired
    ReviewMetrics metrics;
    @Autowired
    MeterRegistry meters;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @Value("${local.server.port}")
    int port;

    ReviewApi api;
    ReviewFixture reviews;

    @BeforeAll
    void setUp() {
        api = new ReviewApi(http);
        reviews = new ReviewFixture(kafka, db, brokers);
    }

    @AfterAll
    void tearDown() {
        reviews.close();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void manyCliniciansClaimingOneReviewAtOnceLeaveExactlyOneWinner() {
        Queued review = reviews.queueLead(List.of());
        WebClient client = WebClient.create("http://localhost:" + port);

        List<Integer> statuses = Flux.range(0, 24)
                .flatMap(i -> claimAs(client, i % 2 == 0 ? "drlee" : "drpatel", review.reviewId()), 24)
                .collectList().block(Duration.ofSeconds(30));

        assertThat(statuses).hasSize(24);
        assertThat(statuses).filteredOn(status -> status == 200).hasSize(1);
        assertThat(statuses).filteredOn(status -> status == 409).hasSize(23);
        reviews.awaitStatus(review.leadId(), LeadStatus.REVIEW_IN_PROGRESS);
    }

    @Test
    void clinicianstakingTheNextReviewAtOnceNeverGetTheSameOne() {
        reviews.emptyTheQueue();
        List<String> queued = Flux.range(0, 6).map(i -> reviews.queueLead(List.of()).reviewId()).collectList().block();
        WebClient client = WebClient.create("http://localhost:" + port);

        List<String> taken = Flux.range(0, 6)
                .flatMap(i -> client.post().uri("/api/reviews/next")
                        .headers(h -> h.setBasicAuth(i % 2 == 0 ? "drlee" : "drpatel", (i % 2 == 0 ? "drlee" : "drpatel") + "-demo"))
                        .retrieve().bodyToMono(Map.class).map(body -> (String) body.get("reviewId")), 6)
                .collectList().block(Duration.ofSeconds(30));

        assertThat(taken).doesNotHaveDuplicates().containsExactlyInAnyOrderElementsOf(queued);
        api.next("drlee").expectStatus().isNoContent();
    }

    @Test
    void takingTheNextReviewKeepsTheQueueOrder() {
        reviews.emptyTheQueue();
        Queued routine = reviews.queueLead(List.of());
        Queued urgent = reviews.queueLead(List.of(RedFlag.FEVER_WITH_BACK_PAIN));
        api.next("drlee").expectStatus().isOk().expectBody().jsonPath("$.reviewId").isEqualTo(urgent.reviewId())
                .jsonPath("$.status").isEqualTo("IN_PROGRESS").jsonPath("$.claimedBy").isEqualTo("drlee");
        api.next("drpatel").expectStatus().isOk().expectBody().jsonPath("$.reviewId").isEqualTo(routine.reviewId());
    }

    @Test
    void anExpiredLeaseReturnsTheReviewToTheQueue() {
        clock.set(TUESDAY);
        Queued review = reviews.queueLead(List.of());
        api.post("drlee", review.reviewId(), "claim").expectStatus().isOk();

        clock.set(TUESDAY.plus(Duration.ofMinutes(29)));
        api.post("drpatel", review.reviewId(), "claim").expectStatus().isEqualTo(409);

        clock.set(TUESDAY.plus(Duration.ofMinutes(31)));
        sweep.sweep().block();
        // the first REVIEW_QUEUED is there already: wait for the one the sweep reports
        awaitStatuses(review, LeadStatus.REVIEW_QUEUED, LeadStatus.REVIEW_IN_PROGRESS, LeadStatus.REVIEW_QUEUED);
        api.review("drpatel", review.reviewId()).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("QUEUED");
        api.post("drlee", review.reviewId(), "renew").expectStatus().isEqualTo(409);

        api.post("drpatel", review.reviewId(), "claim").expectStatus().isOk();
        api.complete("drlee", review.reviewId(), ReviewApi.candidate("LAMINOTOMY")).expectStatus().isForbidden();
    }

    @Test
    void anExpiredLeaseCanBeClaimedBeforeTheSweepRuns() {
        clock.set(TUESDAY);
        Queued review = reviews.queueLead(List.of());
        api.post("drlee", review.reviewId(), "claim").expectStatus().isOk();
        clock.set(TUESDAY.plus(Duration.ofMinutes(30)));
        api.post("drpatel", review.reviewId(), "claim").expectStatus().isOk()
                .expectBody().jsonPath("$.claimedBy").isEqualTo("drpatel");
    }

    @Test
    void theSweepLeavesALeaseAMillisecondBeforeItExpiresAndReturnsTheReviewAtTheInstantItDoes() {
        clock.set(TUESDAY);
        Queued review = reviews.queueLead(List.of());
        api.post("drlee", review.reviewId(), "claim").expectStatus().isOk();
        reviews.awaitStatus(review.leadId(), LeadStatus.REVIEW_IN_PROGRESS);
        Instant expires = TUESDAY.plus(Duration.ofMinutes(30));

        clock.set(expires.minusMillis(1));
        sweep.sweep().block();
        api.review("drpatel", review.reviewId()).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("IN_PROGRESS").jsonPath("$.claimedBy").isEqualTo("drlee");

        clock.set(expires);
        sweep.sweep().block();
        api.review("drpatel", review.reviewId()).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("QUEUED");
        awaitStatuses(review, LeadStatus.REVIEW_QUEUED, LeadStatus.REVIEW_IN_PROGRESS, LeadStatus.REVIEW_QUEUED);
    }

    @Test
    void aLeaseRenewsAMillisecondBeforeItExpiresButNotAtTheInstantItDoes() {
        clock.set(TUESDAY);
        Queued renewedInTime = reviews.queueLead(List.of());
        Queued renewedTooLate = reviews.queueLead(List.of());
        api.post("drlee", renewedInTime.reviewId(), "claim").expectStatus().isOk();
        api.post("drlee", renewedTooLate.reviewId(), "claim").expectStatus().isOk();
        Instant expires = TUESDAY.plus(Duration.ofMinutes(30));

        clock.set(expires.minusMillis(1));
        api.post("drlee", renewedInTime.reviewId(), "renew").expectStatus().isOk()
                .expectBody().jsonPath("$.leaseExpiresAt").isEqualTo("2026-11-24T15:59:59.999Z");
        clock.set(expires);
        api.post("drlee", renewedTooLate.reviewId(), "renew").expectStatus().isEqualTo(409);

        api.post("drpatel", renewedInTime.reviewId(), "claim").expectStatus().isEqualTo(409);
        api.post("drpatel", renewedTooLate.reviewId(), "claim").expectStatus().isOk()
                .expectBody().jsonPath("$.claimedBy").isEqualTo("drpatel");
    }

    @Test
    void aRenewedLeaseKeepsTheReviewWithItsHolder() {
        clock.set(TUESDAY);
        Queued review = reviews.queueLead(List.of());
        api.post("drlee", review.reviewId(), "claim").expectStatus().isOk();

        clock.set(TUESDAY.plus(Duration.ofMinutes(20)));
        api.post("drlee", review.reviewId(), "renew").expectStatus().isOk()
                .expectBody().jsonPath("$.leaseExpiresAt").isEqualTo("2026-11-24T15:50:00Z");

        clock.set(TUESDAY.plus(Duration.ofMinutes(40)));
        sweep.sweep().block();
        api.post("drpatel", review.reviewId(), "claim").expectStatus().isEqualTo(409);
        api.review("drpatel", review.reviewId()).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("IN_PROGRESS").jsonPath("$.claimedBy").isEqualTo("drlee");
        api.complete("drlee", review.reviewId(), ReviewApi.candidate("LAMINECTOMY")).expectStatus().isOk();
    }

    @Test
    void onlyTheHolderCanCompleteReleaseOrRenew() {
        Queued review = reviews.queueLead(List.of());
        api.post("drlee", review.reviewId(), "claim").expectStatus().isOk();

        api.complete("drpatel", review.reviewId(), ReviewApi.candidate("FORAMINOTOMY")).expectStatus().isForbidden()
                .expectBody().jsonPath("$.title").isEqualTo("Held by another clinician");
        api.post("drpatel", review.reviewId(), "release").expectStatus().isForbidden();
        api.post("drpatel", review.reviewId(), "renew").expectStatus().isForbidden();

        api.post("drlee", review.reviewId(), "release").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("QUEUED");
        api.complete("drlee", review.reviewId(), ReviewApi.candidate("FORAMINOTOMY")).expectStatus().isEqualTo(409);
        api.post("drlee", "no-such-review", "claim").expectStatus().isNotFound();
        api.complete("drlee", "no-such-review", ReviewApi.candidate("FORAMINOTOMY")).expectStatus().isNotFound();
    }

    @Test
    void eachOutcomeInsistsOnItsOwnField() {
        Queued review = reviews.queueLead(List.of());
        api.post("drlee", review.reviewId(), "claim").expectStatus().isOk();

        assertRejected(review, Map.of("outcome", "CANDIDATE"), "recommendedProcedure", "required");
        assertRejected(review, Map.of("outcome", "NOT_A_CANDIDATE"), "nextStep", "required");
        assertRejected(review, Map.of("outcome", "NEEDS_MORE_INFORMATION"), "informationNeeded", "required");
        assertRejected(review, Map.of("notes", "no outcome"), "outcome", "required");
        assertRejected(review, Map.of("outcome", "CANDIDATE", "recommendedProcedure", "MAGIC"), "recommendedProcedure", "one-of");

        api.review("drlee", review.reviewId()).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("IN_PROGRESS");
        api.complete("drlee", review.reviewId(), Map.of("outcome", "NEEDS_MORE_INFORMATION",
                "informationNeeded", "NEWER_IMAGING")).expectStatus().isOk()
                .expectBody().jsonPath("$.status").isEqualTo("COMPLETED")
                .jsonPath("$.outcome.informationNeeded").isEqualTo("NEWER_IMAGING");
    }

    @Test
    void aCompletionWithAFieldTheFormDoesNotHaveIsRefusedAndTheReviewStaysOpen() {
        Queued review = reviews.queueLead(List.of());
        api.post("drlee", review.reviewId(), "claim").expectStatus().isOk();

        assertRejected(review, Map.of("outcome", "CANDIDATE", "recommendedProcedure", "LAMINECTOMY",
                "urgency", "HIGH"), "urgency", "unknown-field");
        assertRejected(review, Map.of("outcome", "CANDIDATE", "recommendedProcedure", List.of("LAMINECTOMY")),
                "recommendedProcedure", "type");

        api.review("drlee", review.reviewId()).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("IN_PROGRESS");
    }

    @Test
    void everyStepOfAReviewReachesTheLeadTimelineWithoutNotesOrPatientData() {
        Queued review = reviews.queueLead(List.of(RedFlag.PROGRESSIVE_WEAKNESS));
        api.post("drlee", review.reviewId(), "claim").expectStatus().isOk();
        reviews.awaitStatus(review.leadId(), LeadStatus.REVIEW_IN_PROGRESS);
        api.complete("drlee", review.reviewId(), ReviewApi.candidate("SPINAL_FUSION")).expectStatus().isOk();

        LeadStatusChanged completed = reviews.awaitStatus(review.leadId(), LeadStatus.REVIEW_COMPLETED).value();
        assertThat(completed.getReview().getOutcome()).isEqualTo(ReviewOutcome.CANDIDATE);
        assertThat(completed.getReview().getRecommendedProcedure()).isEqualTo(Procedure.SPINAL_FUSION);
        assertThat(completed.getReview().getCondition()).isEqualTo(com.leadflow.events.Condition.HERNIATED_DISC);
        assertThat(completed.getReview().getReviewId()).isEqualTo(review.reviewId());
        assertThat(reviews.statusesOf(review.leadId())).containsExactly(
                LeadStatus.REVIEW_QUEUED, LeadStatus.REVIEW_IN_PROGRESS, LeadStatus.REVIEW_COMPLETED);
        assertThat(completed.toString()).doesNotContain(Leads.FIRST_NAME, "L5-S1", Leads.EMAIL);
    }

    @Test
    void everyViewClaimRenewalReleaseAndCompletionIsAudited() {
        Queued review = reviews.queueLead(List.of());
        api.review("drpatel", review.reviewId()).expectStatus().isOk();
        api.post("drpatel", review.reviewId(), "claim").expectStatus().isOk();
        api.post("drpatel", review.reviewId(), "renew").expectStatus().isOk();
        api.post("drpatel", review.reviewId(), "release").expectStatus().isOk();
        api.post("drlee", review.reviewId(), "claim").expectStatus().isOk();
        api.complete("drlee", review.reviewId(), Map.of("outcome", "NOT_A_CANDIDATE", "nextStep", "PHYSICAL_THERAPY"))
                .expectStatus().isOk();

        List<String> trail = db.sql("select actor, action from audit_event where subject_type = 'review' and subject_id = :id order by id")
                .bind("id", review.reviewId())
                .map(row -> row.get("actor", String.class) + ":" + row.get("action", String.class)).all()
                .collectList().block();
        assertThat(trail).containsExactly("drpatel:VIEW", "drpatel:CLAIM", "drpatel:RENEW", "drpatel:RELEASE",
                "drlee:CLAIM", "drlee:COMPLETE");
    }

    @Test
    void opsSeeQueueDepthAndTimesToClaimAndComplete() {
        Queued review = reviews.queueLead(List.of(RedFlag.SADDLE_NUMBNESS));
        api.post("drlee", review.reviewId(), "claim").expectStatus().isOk();
        api.complete("drlee", review.reviewId(), ReviewApi.candidate("MICRODISCECTOMY")).expectStatus().isOk();
        sweep.sweep().block();

        String metrics = http.get().uri("/actuator/prometheus").headers(h -> h.setBasicAuth("olive", "olive-demo"))
                .exchange().expectStatus().isOk().expectBody(String.class).returnResult().getResponseBody();
        assertThat(metrics).contains("review_queue_depth{priority=\"urgent\"}", "review_queue_depth{priority=\"routine\"}",
                "review_time_to_claim_seconds_count{priority=\"urgent\"}",
                "review_time_to_complete_seconds_count{priority=\"urgent\"}");
    }

    @Test
    void queueDepthCountsPerPriorityWhatCliniciansCanClaimAReviewWhoseLeaseRanOutIncluded() {
        reviews.emptyTheQueue();
        clock.set(TUESDAY);
        reviews.queueLead(List.of(RedFlag.SADDLE_NUMBNESS));
        reviews.queueLead(List.of());
        Queued held = reviews.queueLead(List.of());
        api.post("drlee", held.reviewId(), "claim").expectStatus().isOk();

        // a count the claim itself asked for may still land: the gauge settles on the count as of now
        Awaitility.await().atMost(ReviewFixture.WAIT).untilAsserted(() -> {
            metrics.refreshQueueDepth().block();
            assertThat(depth("urgent")).isEqualTo(1);
            assertThat(depth("routine")).as("the review in drlee's hands is not waiting").isEqualTo(1);
        });

        clock.set(TUESDAY.plus(Duration.ofMinutes(31)));
        Awaitility.await().atMost(ReviewFixture.WAIT).untilAsserted(() -> {
            metrics.refreshQueueDepth().block();
            assertThat(depth("routine")).as("its lease ran out: anyone may claim it").isEqualTo(2);
        });
    }

    private double depth(String priority) {
        return meters.get("review.queue.depth").tag("priority", priority).gauge().value();
    }

    private void awaitStatuses(Queued review, LeadStatus... expected) {
        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(reviews.statusesOf(review.leadId())).containsExactly(expected));
    }

    private void assertRejected(Queued review, Map<String, Object> form, String field, String rule) {
        api.complete("drlee", review.reviewId(), form).expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo(field).jsonPath("$.errors[0].rule").isEqualTo(rule);
    }

    private static Mono<Integer> claimAs(WebClient client, String user, String reviewId) {
        return client.post().uri("/api/reviews/{id}/claim", reviewId)
                .headers(h -> h.setBasicAuth(user, user + "-demo"))
                .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()));
    }
}
