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
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpStatus;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

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

    @Autowired
    DatabaseClient db;

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

    /**
     * The status link's token is the visitor's only key to their request: an error on a status-link
     * path (here the database refusing the upload's row) is logged with the path, but never the token,
     * whether it travels in the path or in the query.
     */
    @Test
    void anUnexpectedErrorOnTheStatusLinkLeavesItsTokenOutOfTheLogs(CapturedOutput output) {
        Map<String, String> accepted = Submissions.submit(http, LeadJson.valid());
        String uploadUrl = accepted.get("imagingUploadUrl");
        String token = uploadUrl.replaceAll("^/api/status/([^/]+)/imaging$", "$1");
        assertThat(token).hasSize(43);
        String trigger = "refuse_imaging_" + accepted.get("leadId").replace("-", "");
        db.sql("create function " + trigger + "() returns trigger language plpgsql as $$ begin "
                + "if new.lead_id = '" + accepted.get("leadId") + "' then raise exception 'refused by the test'; end if; "
                + "return new; end $$").then().block();
        db.sql("create trigger " + trigger + " before insert on imaging for each row execute function " + trigger + "()")
                .then().block();
        try {
            MultipartBodyBuilder body = new MultipartBodyBuilder();
            body.part("file", new ByteArrayResource("%PDF-1.7\n%%EOF\n".getBytes()) {
                @Override
                public String getFilename() {
                    return "report.pdf";
                }
            }).contentType(MediaType.APPLICATION_OCTET_STREAM);
            http.post().uri(uploadUrl + "?ref=" + token).header("X-Forwarded-For", Clients.nextIp())
                    .contentType(MediaType.MULTIPART_FORM_DATA).body(BodyInserters.fromMultipartData(body.build()))
                    .exchange()
                    .expectStatus().isEqualTo(HttpStatus.INTERNAL_SERVER_ERROR)
                    .expectBody(String.class).value(answer -> assertThat(answer).doesNotContain(token));
        } finally {
            db.sql("drop trigger " + trigger + " on imaging").then().block();
            db.sql("drop function " + trigger + "()").then().block();
        }

        assertThat(output.getAll()).contains("Unexpected", "/api/status/").doesNotContain(token);
    }
}
