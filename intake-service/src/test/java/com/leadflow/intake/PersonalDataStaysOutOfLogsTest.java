package com.leadflow.intake;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.Reporter;
import com.leadflow.events.Stage;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.schemas.Topics;
import com.leadflow.test.TopicProbe;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A lead's whole path through intake (accepted, refused, duplicated, published, reported on, read
 * by a care manager, seen through the status link) leaves none of the visitor's personal values
 * in the service's log output.
 */
@IntakeIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class PersonalDataStaysOutOfLogsTest {

    @Autowired
    WebTestClient http;

    @Autowired
    KafkaTemplate<String, Object> kafka;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void noSubmittedPersonalValueAppearsInTheLogs(CapturedOutput output) {
        LeadJson lead = LeadJson.valid()
                .with("contact.firstName", "Philomena").with("contact.lastName", "Zwicklbauer")
                .with("contact.email", "philomena.zwicklbauer@example.net").with("contact.phone", "(628) 555-0199")
                .with("dateOfBirth", "1958-03-27").with("insurance.memberId", "MBRZ77QX31")
                .with("clinical.description", "Numbness since the fall at Lake Merritt");
        Map<String, String> accepted = Submissions.submit(http, lead);
        String leadId = accepted.get("leadId");
        // a refused submission and a duplicate carry the same values
        http.post().uri("/api/leads").header("X-Forwarded-For", Clients.nextIp()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lead.with("zipCode", "9411O").body()).exchange().expectStatus().isBadRequest();
        http.post().uri("/api/leads").header("X-Forwarded-For", Clients.nextIp()).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{\"contact\": {\"firstName\": \"Philomena\", \"email\": \"philomena.zwicklbauer@example.net\"")
                .exchange().expectStatus().isBadRequest();
        Submissions.submit(http, lead.with("zipCode", "94110"));
        try (var probe = TopicProbe.of(brokers, Topics.LEADS_SUBMITTED)) {
            probe.await(r -> r.key().equals(leadId), Duration.ofSeconds(20));
        }
        LeadStatusChanged report = LeadStatusChanged.newBuilder().setLeadId(leadId).setOccurredAt(Instant.now())
                .setReporter(Reporter.REVIEW).setStage(Stage.REVIEW).setStatus(LeadStatus.REVIEW_QUEUED)
                .setSummary("Queued for review").build();
        var record = new ProducerRecord<String, Object>(Topics.LEADS_STATUS.name(), leadId, report);
        EventHeaders.write(record.headers(), EventHeaders.EVENT_ID, UUID.randomUUID().toString());
        kafka.send(record).join();
        Awaitility.await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                http.get().uri("/api/leads/{id}", leadId).headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                        .expectBody().jsonPath("$.stages[?(@.stage == 'REVIEW')].status").isEqualTo(List.of("REVIEW_QUEUED")));
        http.get().uri("/api/care/leads").headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                .expectStatus().isOk();
        http.get().uri(accepted.get("statusApi")).exchange().expectStatus().isOk();

        assertThat(output.getAll()).contains(leadId)
                .doesNotContain("Philomena", "Zwicklbauer", "philomena.zwicklbauer@example.net", "628) 555-0199",
                        "+16285550199", "1958-03-27", "MBRZ77QX31", "Lake Merritt");
    }

}
