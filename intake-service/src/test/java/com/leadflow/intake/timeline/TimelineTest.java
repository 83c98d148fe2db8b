package com.leadflow.intake.timeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.Reporter;
import com.leadflow.events.Stage;
import com.leadflow.intake.IntakeIntegrationTest;
import com.leadflow.intake.LeadJson;
import com.leadflow.intake.Submissions;
import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.platform.kafka.EventRejectedException;
import com.leadflow.schemas.Topics;
import com.leadflow.test.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

@IntakeIntegrationTest
class TimelineTest {

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Autowired
    Timeline timeline;

    @Autowired
    ConsumerDatabase database;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void statusReportsAppliedOutOfOrderAndTwiceGiveTheRightTimeline() {
        Map<String, String> accepted = Submissions.submit(http, LeadJson.valid());
        String leadId = accepted.get("leadId");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        String queued = send(leadId, t.plusSeconds(60), Stage.REVIEW, LeadStatus.REVIEW_QUEUED, null);
        String completed = send(leadId, t.plusSeconds(180), Stage.REVIEW, LeadStatus.REVIEW_COMPLETED,
                "Review completed: candidate for microdiscectomy");
        send(leadId, t.plusSeconds(120), Stage.REVIEW, LeadStatus.REVIEW_IN_PROGRESS, null);
        send(leadId, t.plusSeconds(150), Stage.INSURANCE, LeadStatus.INSURANCE_VERIFIED, "Coverage active, in network");
        send(leadId, t.plusSeconds(90), Stage.INSURANCE, LeadStatus.INSURANCE_VERIFICATION_STARTED, null);
        // redelivered reports change nothing
        resend(completed, leadId, t.plusSeconds(180), Stage.REVIEW, LeadStatus.REVIEW_COMPLETED);
        resend(queued, leadId, t.plusSeconds(60), Stage.REVIEW, LeadStatus.REVIEW_QUEUED);
        String marker = send(leadId, t.plusSeconds(30), Stage.MATCHING, LeadStatus.MATCH_WAITLISTED, null);

        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                http.get().uri("/api/leads/{id}", leadId).headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                        .expectStatus().isOk()
                        .expectBody().jsonPath("$.timeline.length()").isEqualTo(7));
        assertThat(marker).isNotNull();

        http.get().uri("/api/leads/{id}", leadId).headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                .expectBody()
                .jsonPath("$.timeline[*].status").isEqualTo(List.of("LEAD_SUBMITTED", "MATCH_WAITLISTED",
                        "REVIEW_QUEUED", "INSURANCE_VERIFICATION_STARTED", "REVIEW_IN_PROGRESS", "INSURANCE_VERIFIED",
                        "REVIEW_COMPLETED"))
                .jsonPath("$.stages[?(@.stage == 'REVIEW')].status").isEqualTo(List.of("REVIEW_COMPLETED"))
                .jsonPath("$.stages[?(@.stage == 'INSURANCE')].status").isEqualTo(List.of("INSURANCE_VERIFIED"))
                .jsonPath("$.stages[?(@.stage == 'MATCHING')].status").isEqualTo(List.of("MATCH_WAITLISTED"))
                .jsonPath("$.currentStage").isEqualTo("REVIEW")
                .jsonPath("$.currentStatus").isEqualTo("REVIEW_COMPLETED");

        // the visitor's link shows progress, never the findings
        String status = http.get().uri(accepted.get("statusApi")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.steps[?(@.stage == 'REVIEW')].progress").isEqualTo(List.of("DONE"))
                .jsonPath("$.steps[?(@.stage == 'INSURANCE')].progress").isEqualTo(List.of("DONE"))
                .returnResult().getResponseBodyContent() == null ? "" : new String(http.get()
                        .uri(accepted.get("statusApi")).exchange().expectBody().returnResult().getResponseBodyContent());
        assertThat(status).doesNotContain("candidate", "microdiscectomy", "network", "HERNIATED", "Blue Shield",
                leadId);
    }

    @Test
    void careManagersSeeChangesLiveAsServerSentEvents() throws Exception {
        String leadId = Submissions.submit(http, LeadJson.valid()).get("leadId");
        Flux<LeadChange> stream = http.get().uri("/api/leads/changes").accept(MediaType.TEXT_EVENT_STREAM)
                .headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                .expectStatus().isOk()
                .returnResult(LeadChange.class).getResponseBody();
        var first = stream.filter(change -> change.leadId().toString().equals(leadId)).next()
                .toFuture();
        // the subscription is live once the response headers arrived; a report now is pushed to it
        send(leadId, Instant.now(), Stage.REVIEW, LeadStatus.REVIEW_QUEUED, null);
        LeadChange change = first.get(20, TimeUnit.SECONDS);
        assertThat(change.status()).isEqualTo("REVIEW_QUEUED");
    }

    @Test
    void aReportForNoKnownLeadEndsOnTheDeadLetterTopicWithAReason() {
        String unknownLead = UUID.randomUUID().toString();
        send(unknownLead, Instant.now(), Stage.REVIEW, LeadStatus.REVIEW_QUEUED, null);
        try (var dlt = TopicProbe.raw(brokers, Topics.LEADS_STATUS.deadLetterTopic())) {
            var record = dlt.await(r -> unknownLead.equals(r.key()), Duration.ofSeconds(30));
            assertThat(TopicProbe.header(record, EventHeaders.DLT_REASON)).contains("leadId");
        }
    }

    @Test
    void reportsThatCanNeverApplyAreDeadLetteredWhileTheReportsAroundThemInTheSamePollApply() throws Exception {
        String leadId = Submissions.submit(http, LeadJson.valid()).get("leadId");
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        byte[] garbage = "not a status report".getBytes(StandardCharsets.UTF_8);
        // back to back under one key: one partition, and as a rule one poll
        try (var raw = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new ByteArraySerializer())) {
            kafka.send(report(UUID.randomUUID().toString(), leadId, leadId, t.plusSeconds(10), Stage.REVIEW,
                    LeadStatus.REVIEW_QUEUED, null));
            kafka.send(report(UUID.randomUUID().toString(), leadId, UUID.randomUUID().toString(), t.plusSeconds(20),
                    Stage.REVIEW, LeadStatus.REVIEW_IN_PROGRESS, null));
            kafka.flush();
            raw.send(new ProducerRecord<>(Topics.LEADS_STATUS.name(), leadId, garbage)).get();
            kafka.send(report(UUID.randomUUID().toString(), leadId, leadId, t.plusSeconds(30), Stage.INSURANCE,
                    LeadStatus.INSURANCE_VERIFIED, "Coverage active")).join();
        }

        try (var dlt = TopicProbe.raw(brokers, Topics.LEADS_STATUS.deadLetterTopic())) {
            var dead = dlt.awaitCount(r -> leadId.equals(r.key()), 2, Duration.ofSeconds(30));
            assertThat(dead).extracting(r -> TopicProbe.header(r, EventHeaders.DLT_REASON))
                    .anySatisfy(reason -> assertThat(reason).contains("leadId names no lead"))
                    .anySatisfy(reason -> assertThat(reason).startsWith("The value could not be deserialized"));
            assertThat(dead).extracting(ConsumerRecord::value).contains(garbage);
        }
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                http.get().uri("/api/leads/{id}", leadId).headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                        .expectStatus().isOk()
                        .expectBody()
                        .jsonPath("$.timeline[*].status").isEqualTo(List.of("LEAD_SUBMITTED", "REVIEW_QUEUED",
                                "INSURANCE_VERIFIED")));
    }

    @Test
    void anEarlierReportArrivingAfterALaterOneNeverReplacesItInOnePollOrTheNext() {
        UUID lead = UUID.fromString(Submissions.submit(http, LeadJson.valid()).get("leadId"));
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        // one poll: the review's later report first, its earlier one after it, the insurance's between them
        database.inTransaction(() -> timeline.record(List.of(
                step(lead, t.plusSeconds(120), "REVIEW", "REVIEW_IN_PROGRESS"),
                step(lead, t.plusSeconds(60), "REVIEW", "REVIEW_QUEUED"),
                step(lead, t.plusSeconds(90), "INSURANCE", "INSURANCE_VERIFIED"))));
        // the next poll: a report older than everything shown
        database.inTransaction(() -> timeline.record(List.of(step(lead, t.plusSeconds(30), "REVIEW", "REVIEW_QUEUED"))));

        http.get().uri("/api/leads/{id}", lead).headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.timeline[*].status").isEqualTo(List.of("LEAD_SUBMITTED", "REVIEW_QUEUED", "REVIEW_QUEUED",
                        "INSURANCE_VERIFIED", "REVIEW_IN_PROGRESS"))
                .jsonPath("$.stages[?(@.stage == 'REVIEW')].status").isEqualTo(List.of("REVIEW_IN_PROGRESS"))
                .jsonPath("$.stages[?(@.stage == 'INSURANCE')].status").isEqualTo(List.of("INSURANCE_VERIFIED"))
                .jsonPath("$.currentStage").isEqualTo("REVIEW")
                .jsonPath("$.currentStatus").isEqualTo("REVIEW_IN_PROGRESS");
    }

    @Test
    void aPollNamingAnUnknownLeadIsRejectedWholeAndChangesNoKnownLead() {
        UUID lead = UUID.fromString(Submissions.submit(http, LeadJson.valid()).get("leadId"));
        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);

        assertThatThrownBy(() -> database.inTransaction(() -> timeline.record(List.of(
                step(lead, t.plusSeconds(60), "REVIEW", "REVIEW_QUEUED"),
                step(UUID.randomUUID(), t.plusSeconds(60), "REVIEW", "REVIEW_QUEUED")))))
                .isInstanceOf(EventRejectedException.class);

        http.get().uri("/api/leads/{id}", lead).headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.timeline[*].status").isEqualTo(List.of("LEAD_SUBMITTED"))
                .jsonPath("$.stages[*].stage").isEqualTo(List.of("INTAKE"))
                .jsonPath("$.currentStatus").isEqualTo("LEAD_SUBMITTED");
    }

    private static Timeline.Step step(UUID lead, Instant at, String stage, String status) {
        return new Timeline.Step(lead, at, stage, stage, status, status, null, null);
    }

    private String send(String leadId, Instant at, Stage stage, LeadStatus status, String summary) {
        String eventId = UUID.randomUUID().toString();
        resend(eventId, leadId, at, stage, status, summary);
        return eventId;
    }

    private void resend(String eventId, String leadId, Instant at, Stage stage, LeadStatus status) {
        resend(eventId, leadId, at, stage, status, null);
    }

    private void resend(String eventId, String leadId, Instant at, Stage stage, LeadStatus status, String summary) {
        kafka.send(report(eventId, leadId, leadId, at, stage, status, summary)).join();
    }

    private static ProducerRecord<String, Object> report(String eventId, String key, String leadId, Instant at,
            Stage stage, LeadStatus status, String summary) {
        LeadStatusChanged event = LeadStatusChanged.newBuilder().setLeadId(leadId).setOccurredAt(at)
                .setReporter(Reporter.valueOf(stage == Stage.MATCHING ? "MATCHING" : stage.name()))
                .setStage(stage).setStatus(status).setSummary(summary == null ? status.name() : summary).build();
        var record = new ProducerRecord<String, Object>(Topics.LEADS_STATUS.name(), key, event);
        EventHeaders.write(record.headers(), EventHeaders.EVENT_ID, eventId);
        EventHeaders.write(record.headers(), EventHeaders.CORRELATION_ID, UUID.randomUUID().toString());
        return record;
    }
}
