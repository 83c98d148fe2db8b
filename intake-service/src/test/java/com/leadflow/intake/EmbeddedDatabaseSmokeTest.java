package com.leadflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.Reporter;
import com.leadflow.events.Stage;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.schemas.Topics;
import com.leadflow.test.EmbeddedDatabaseFiles;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The zero-setup local run ({@code ./local-stack/run.sh} without {@code --postgres}) keeps intake on
 * an embedded H2 file database: a visitor's submission, a second one with the same contact (a
 * possible duplicate), other services' reports arriving out of order, and a care manager's contact
 * attempt must all work there as on PostgreSQL. One pass, in a context of its own.
 */
@IntakeIntegrationTest
@TestPropertySource(properties = "leadflow.database.url=jdbc:h2:file:./target/h2-smoke/intake")
class EmbeddedDatabaseSmokeTest {

    @BeforeAll
    static void startFromAnEmptyDatabase() {
        EmbeddedDatabaseFiles.deleteBeforeUse("target/h2-smoke", "intake");
    }

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Test
    void aLeadIsSubmittedReportedOnAndWorkedOnTheEmbeddedDatabase() {
        LeadJson lead = LeadJson.valid();
        Map<String, String> accepted = Submissions.submit(http, lead);
        String leadId = accepted.get("leadId");
        String again = Submissions.submit(http, lead).get("leadId");
        assertThat(again).isNotEqualTo(leadId);

        Instant t = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        send(leadId, t.plusSeconds(120), Stage.REVIEW, LeadStatus.REVIEW_COMPLETED);
        send(leadId, t.plusSeconds(60), Stage.REVIEW, LeadStatus.REVIEW_QUEUED);
        send(leadId, t.plusSeconds(90), Stage.INSURANCE, LeadStatus.INSURANCE_VERIFIED);

        Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> care().get().uri("/api/leads/{id}", leadId)
                .exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.timeline.length()").isEqualTo(4));
        care().get().uri("/api/leads/{id}", leadId).exchange().expectBody()
                .jsonPath("$.stages[?(@.stage == 'REVIEW')].status").isEqualTo(List.of("REVIEW_COMPLETED"))
                .jsonPath("$.stages[?(@.stage == 'INSURANCE')].status").isEqualTo(List.of("INSURANCE_VERIFIED"))
                .jsonPath("$.currentStatus").isEqualTo("REVIEW_COMPLETED");
        care().get().uri("/api/leads/{id}", again).exchange().expectStatus().isOk().expectBody()
                .jsonPath("$.possibleDuplicateOf").isEqualTo(leadId);

        care().post().uri("/api/care/leads/{id}/contact-attempts", leadId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of("channel", "PHONE", "outcome", "REACHED")).exchange()
                .expectStatus().isCreated();
        care().get().uri("/api/leads/{id}", leadId).exchange().expectBody()
                .jsonPath("$.timeline.length()").isEqualTo(5);
        http.get().uri(accepted.get("statusApi")).exchange().expectStatus().isOk();
    }

    private WebTestClient care() {
        return http.mutate().defaultHeaders(h -> h.setBasicAuth("carla", "carla-demo")).build();
    }

    private void send(String leadId, Instant at, Stage stage, LeadStatus status) {
        LeadStatusChanged event = LeadStatusChanged.newBuilder().setLeadId(leadId).setOccurredAt(at)
                .setReporter(Reporter.valueOf(stage.name())).setStage(stage).setStatus(status)
                .setSummary(status.name()).build();
        var record = new ProducerRecord<String, Object>(Topics.LEADS_STATUS.name(), leadId, event);
        EventHeaders.write(record.headers(), EventHeaders.EVENT_ID, UUID.randomUUID().toString());
        EventHeaders.write(record.headers(), EventHeaders.CORRELATION_ID, UUID.randomUUID().toString());
        kafka.send(record).join();
    }
}
