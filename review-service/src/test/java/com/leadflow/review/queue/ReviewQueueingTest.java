package com.leadflow.review.queue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.RedFlag;
import com.leadflow.events.Reporter;
import com.leadflow.events.ReviewPriority;
import com.leadflow.events.ServiceType;
import com.leadflow.events.Stage;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.review.support.Leads;
import com.leadflow.test.MutableClock;
import com.leadflow.review.support.ReviewApi;
import com.leadflow.review.support.ReviewIntegrationTest;
import com.leadflow.schemas.Topics;
import com.leadflow.test.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Which leads become reviews, in what order clinicians see them, and what the lead's timeline hears. */
@ReviewIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReviewQueueingTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired
    WebTestClient http;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    MutableClock clock;
    @Autowired
    QueueSweep sweep;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    ReviewApi api;
    TopicProbe<LeadStatusChanged> status;

    @BeforeAll
    void openProbe() {
        api = new ReviewApi(http);
        status = TopicProbe.of(brokers, Topics.LEADS_STATUS);
    }

    @AfterAll
    void closeProbe() {
        status.close();
    }

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aLeadWithImagingBecomesAQueuedReviewCarryingOnlyWhatTheClinicianNeeds() {
        String leadId = Leads.newLeadId();
        kafka.send(Leads.submitted(Leads.withImaging(leadId, List.of(), LocalDate.now().minusMonths(2)), uuid()));

        LeadStatusChanged queued = awaitStatus(leadId, LeadStatus.REVIEW_QUEUED).value();
        assertThat(queued.getReporter()).isEqualTo(Reporter.REVIEW);
        assertThat(queued.getStage()).isEqualTo(Stage.REVIEW);
        assertThat(queued.getReview().getPriority()).isEqualTo(ReviewPriority.ROUTINE);
        assertThat(queued.getReview().getDueAt()).isNotNull();
        assertThat(queued.toString()).doesNotContain(Leads.FIRST_NAME, Leads.EMAIL, Leads.MEMBER_ID, "1970");

        String body = api.review("drlee", queued.getReview().getReviewId()).expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("\"condition\":\"HERNIATED_DISC\"", "\"age\":55", "\"painLevel\":7",
                "\"procedureOfInterest\":\"MICRODISCECTOMY\"", "SCIATIC_PAIN", "/imaging/img-");
        assertThat(body).doesNotContain(Leads.FIRST_NAME, Leads.EMAIL, Leads.MEMBER_ID, "Acme", "1970-11-21",
                "dateOfBirth", "back hurts");
    }

    @Test
    void aLeadThatAsksForAReviewWithoutImagingWaitsUntilTheImagingArrives() {
        String leadId = Leads.newLeadId();
        kafka.send(Leads.submitted(Leads.lead(leadId, List.of(ServiceType.MRI_CT_REVIEW), List.of(), List.of()), uuid()));

        LeadStatusChanged waiting = awaitStatus(leadId, LeadStatus.REVIEW_AWAITING_IMAGING).value();
        String reviewId = waiting.getReview().getReviewId();
        assertThat(waiting.getReview().getDueAt()).isNull();
        assertThat(api.queue("drlee")).extracting(item -> item.get("reviewId")).doesNotContain(reviewId);
        api.review("drlee", reviewId).expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("AWAITING_IMAGING");

        kafka.send(Leads.imagingRecord(Leads.attached(leadId, LocalDate.now().minusMonths(1))));

        LeadStatusChanged queued = awaitStatus(leadId, LeadStatus.REVIEW_QUEUED).value();
        assertThat(queued.getReview().getReviewId()).isEqualTo(reviewId);
        assertThat(queued.getReview().getDueAt()).isNotNull();
        assertThat(api.queue("drlee")).extracting(item -> item.get("reviewId")).contains(reviewId);
        api.review("drlee", reviewId).expectStatus().isOk().expectBody().jsonPath("$.imaging.length()").isEqualTo(1);
    }

    @Test
    void newImagingPutsAReviewThatNeededMoreInformationBackInTheQueue() {
        String leadId = Leads.newLeadId();
        kafka.send(Leads.submitted(Leads.withImaging(leadId, List.of(), LocalDate.now().minusYears(3)), uuid()));
        String reviewId = awaitStatus(leadId, LeadStatus.REVIEW_QUEUED).value().getReview().getReviewId();
        api.post("drlee", reviewId, "claim").expectStatus().isOk();
        api.complete("drlee", reviewId, Map.of("outcome", "NEEDS_MORE_INFORMATION", "informationNeeded", "NEWER_IMAGING"))
                .expectStatus().isOk();
        awaitStatus(leadId, LeadStatus.REVIEW_COMPLETED);

        kafka.send(Leads.imagingRecord(Leads.attached(leadId, LocalDate.now().minusWeeks(1))));

        await().atMost(WAIT).until(() -> statusesOf(leadId).size() == 4);
        assertThat(statusesOf(leadId)).containsExactly(LeadStatus.REVIEW_QUEUED, LeadStatus.REVIEW_IN_PROGRESS,
                LeadStatus.REVIEW_COMPLETED, LeadStatus.REVIEW_QUEUED);
        api.review("drpatel", reviewId).expectStatus().isOk().expectBody()
                .jsonPath("$.status").isEqualTo("QUEUED")
                .jsonPath("$.staleImaging").isEqualTo(false)
                .jsonPath("$.imaging.length()").isEqualTo(2)
                .jsonPath("$.outcome.informationNeeded").isEqualTo("NEWER_IMAGING");
        api.post("drpatel", reviewId, "claim").expectStatus().isOk();
        api.complete("drpatel", reviewId, ReviewApi.candidate("LAMINECTOMY")).expectStatus().isOk()
                .expectBody().jsonPath("$.outcome.recommendedProcedure").isEqualTo("LAMINECTOMY");
    }

    @Test
    void aLeadWithoutImagingThatDidNotAskForAReviewIsNoReview() {
        String ignored = Leads.newLeadId();
        String marker = Leads.newLeadId();
        kafka.send(Leads.submitted(Leads.lead(ignored, List.of(ServiceType.INFO_KIT), List.of(), List.of()), uuid()));
        // keyed like the first, so on its partition after it: once the marker is reported, the first was handled
        kafka.send(Leads.record(Topics.LEADS_SUBMITTED.name(), ignored, Leads.withImaging(marker, List.of(), null), uuid()));
        awaitStatus(marker, LeadStatus.REVIEW_QUEUED);
        assertThat(status.records()).noneMatch(record -> ignored.equals(record.value().getLeadId()));
    }

    @Test
    void aRedeliveredLeadCreatesNoSecondReview() {
        String leadId = Leads.newLeadId();
        String eventId = uuid();
        var lead = Leads.withImaging(leadId, List.of(), null);
        kafka.send(Leads.submitted(lead, eventId));
        kafka.send(Leads.submitted(lead, eventId));
        // intake publishing the same lead again under a new event id changes nothing either
        kafka.send(Leads.submitted(lead, uuid()));
        kafka.send(Leads.imagingRecord(Leads.attached(leadId, null)));

        awaitStatus(leadId, LeadStatus.REVIEW_QUEUED);
        await().atMost(WAIT).untilAsserted(() -> assertThat(api.queue("drlee"))
                .filteredOn(item -> leadId.equals(item.get("leadId"))).hasSize(1));
        String reviewId = (String) api.queue("drlee").stream().filter(item -> leadId.equals(item.get("leadId")))
                .findFirst().orElseThrow().get("reviewId");
        // a later event of the same lead proves the earlier deliveries were all handled
        api.post("drlee", reviewId, "claim").expectStatus().isOk();
        awaitStatus(leadId, LeadStatus.REVIEW_IN_PROGRESS);
        assertThat(statusesOf(leadId)).containsExactly(LeadStatus.REVIEW_QUEUED, LeadStatus.REVIEW_IN_PROGRESS);
        api.post("drlee", reviewId, "release").expectStatus().isOk();
    }

    @Test
    void urgentReviewsAreOfferedBeforeRoutineOnesThenByEarliestDeadline() {
        Instant tuesday = Instant.parse("2026-11-24T15:00:00Z");
        String routineEarly = queueLead(tuesday, List.of());
        String urgentLate = queueLead(tuesday.plusSeconds(120), List.of(RedFlag.PROGRESSIVE_WEAKNESS));
        String routineLate = queueLead(tuesday.plusSeconds(240), List.of());
        String urgentEarly = queueLead(tuesday.plusSeconds(60), List.of(RedFlag.BOWEL_OR_BLADDER_CHANGES));

        List<String> mine = List.of(routineEarly, urgentLate, routineLate, urgentEarly);
        List<Map<String, Object>> queue = api.queue("drpatel").stream().filter(item -> mine.contains(item.get("leadId"))).toList();
        assertThat(queue).extracting(item -> item.get("leadId")).containsExactly(urgentEarly, urgentLate, routineEarly, routineLate);
        assertThat(queue).extracting(item -> item.get("priority")).containsExactly("URGENT", "URGENT", "ROUTINE", "ROUTINE");
        // routine: two business days from Tuesday 15:00Z is Thursday
        assertThat(queue.get(2).get("dueAt")).isEqualTo("2026-11-26T15:00:00Z");
        assertThat(queue.get(0).get("dueAt")).isEqualTo("2026-11-24T16:01:00Z");
    }

    @Test
    void imagingOlderThanTwelveMonthsIsFlaggedStale() {
        String stale = Leads.newLeadId();
        String fresh = Leads.newLeadId();
        kafka.send(Leads.submitted(Leads.withImaging(stale, List.of(), LocalDate.now().minusMonths(13)), uuid()));
        kafka.send(Leads.submitted(Leads.withImaging(fresh, List.of(), LocalDate.now().minusMonths(11)), uuid()));

        assertThat(awaitStatus(stale, LeadStatus.REVIEW_QUEUED).value().getReview().getStaleImaging()).isTrue();
        assertThat(awaitStatus(fresh, LeadStatus.REVIEW_QUEUED).value().getReview().getStaleImaging()).isFalse();
        assertThat(api.queue("drlee")).filteredOn(item -> stale.equals(item.get("leadId")))
                .extracting(item -> item.get("staleImaging")).containsExactly(true);
        String reviewId = awaitStatus(stale, LeadStatus.REVIEW_QUEUED).value().getReview().getReviewId();
        api.review("drlee", reviewId).expectStatus().isOk().expectBody().jsonPath("$.imaging[0].stale").isEqualTo(true);
    }

    @Test
    void aReviewThatMissesItsDeadlineIsReportedOnceAndShownOverdue() {
        Instant start = Instant.parse("2026-11-24T15:00:00Z");
        String leadId = queueLead(start, List.of(RedFlag.SADDLE_NUMBNESS));
        String reviewId = awaitStatus(leadId, LeadStatus.REVIEW_QUEUED).value().getReview().getReviewId();

        clock.set(start.plus(Duration.ofMinutes(59)));
        sweep.sweep().block();
        assertThat(item(leadId).get("overdue")).isEqualTo(false);

        clock.set(start.plus(Duration.ofMinutes(61)));
        sweep.sweep().block();
        sweep.sweep().block();
        awaitStatus(leadId, LeadStatus.REVIEW_DEADLINE_MISSED);
        assertThat(item(leadId).get("overdue")).isEqualTo(true);
        assertThat(((Number) item(leadId).get("secondsLeft")).longValue()).isNegative();

        api.post("drlee", reviewId, "claim").expectStatus().isOk();
        awaitStatus(leadId, LeadStatus.REVIEW_IN_PROGRESS);
        assertThat(statusesOf(leadId)).containsExactly(LeadStatus.REVIEW_QUEUED, LeadStatus.REVIEW_DEADLINE_MISSED,
                LeadStatus.REVIEW_IN_PROGRESS);
        api.post("drlee", reviewId, "release").expectStatus().isOk();
    }

    @Test
    void aLeadThatCanNeverBeReviewedGoesToTheDeadLetterTopicWithAReasonFreeOfPatientData() {
        try (TopicProbe<byte[]> dlt = TopicProbe.raw(brokers, Topics.LEADS_SUBMITTED.deadLetterTopic())) {
            String key = Leads.newLeadId();
            var lead = Leads.withImaging(key, List.of(), null);
            lead.setDateOfBirth(LocalDate.now().plusYears(1));
            kafka.send(Leads.submitted(lead, uuid()));

            ConsumerRecord<String, byte[]> dead = dlt.await(record -> key.equals(record.key()), WAIT);
            assertThat(TopicProbe.header(dead, EventHeaders.DLT_REASON)).contains("dateOfBirth").doesNotContain(Leads.FIRST_NAME);
        }
    }

    @Test
    void aTombstoneOnTheLeadTopicIsDeadLetteredAtOnceAsHavingNoValueAndTheNextLeadIsQueued() {
        try (TopicProbe<byte[]> dlt = TopicProbe.raw(brokers, Topics.LEADS_SUBMITTED.deadLetterTopic())) {
            String key = Leads.newLeadId();
            var tombstone = new ProducerRecord<String, Object>(Topics.LEADS_SUBMITTED.name(), key, null);
            EventHeaders.write(tombstone.headers(), EventHeaders.EVENT_ID, uuid());
            kafka.send(tombstone);
            String next = Leads.newLeadId();
            kafka.send(Leads.submitted(Leads.withImaging(next, List.of(), null), uuid()));

            ConsumerRecord<String, byte[]> dead = dlt.await(record -> key.equals(record.key()), WAIT);
            // rejected, not "failed with NullPointerException after all retries"
            assertThat(TopicProbe.header(dead, EventHeaders.DLT_REASON)).startsWith("Rejected: The record has no value");
            awaitStatus(next, LeadStatus.REVIEW_QUEUED);
        }
    }

    private String queueLead(Instant at, List<RedFlag> redFlags) {
        clock.set(at);
        String leadId = Leads.newLeadId();
        kafka.send(Leads.submitted(Leads.withImaging(leadId, redFlags, null), uuid()));
        awaitStatus(leadId, LeadStatus.REVIEW_QUEUED);
        return leadId;
    }

    private Map<String, Object> item(String leadId) {
        return api.queue("drlee").stream().filter(item -> leadId.equals(item.get("leadId"))).findFirst().orElseThrow();
    }

    private ConsumerRecord<String, LeadStatusChanged> awaitStatus(String leadId, LeadStatus wanted) {
        return status.await(record -> leadId.equals(record.key()) && record.value().getStatus() == wanted, WAIT);
    }

    private List<LeadStatus> statusesOf(String leadId) {
        return status.records().stream().filter(record -> leadId.equals(record.key()))
                .map(record -> record.value().getStatus()).toList();
    }

    private static String uuid() {
        return UUID.randomUUID().toString();
    }
}
