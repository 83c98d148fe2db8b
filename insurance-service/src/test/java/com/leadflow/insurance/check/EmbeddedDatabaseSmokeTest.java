package com.leadflow.insurance.check;

import static com.leadflow.insurance.check.TestLeads.insurance;
import static com.leadflow.insurance.check.TestLeads.lead;
import static com.leadflow.insurance.check.TestLeads.newLeadId;
import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.schemas.Topics;
import com.leadflow.test.EmbeddedDatabaseFiles;
import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.TopicProbe;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The README's run command starts insurance on embedded H2, where an attempt's outcome is written in
 * plain statements instead of PostgreSQL's one (OutcomeStore): a check through the payer's outage
 * and its retry, to a verified result with its benefit lines, as a care manager then reads it, on H2
 * (its own context, so kept to one scenario).
 */
@LeadflowIntegrationTest
@AutoConfigureWebTestClient
@TestPropertySource(properties = "leadflow.database.url=jdbc:h2:file:./target/h2-smoke/insurance")
class EmbeddedDatabaseSmokeTest {

    @BeforeAll
    static void startFromAnEmptyDatabase() {
        EmbeddedDatabaseFiles.deleteBeforeUse("target/h2-smoke", "insurance");
    }

    private static TopicProbe<LeadStatusChanged> status;

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    WebTestClient http;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @AfterAll
    static void closeProbe() {
        if (status != null) {
            status.close();
        }
    }

    @Test
    void aCheckIsRetriedThroughAnOutageAndVerifiedOnTheEmbeddedDatabase() throws Exception {
        status = TopicProbe.of(brokers, Topics.LEADS_STATUS);
        String leadId = newLeadId();
        // unreachable for the first call, then active with two benefit lines
        TestLeads.submit(kafka, lead(leadId, insurance("aetna", "Aetna", "DOWN1W123456789")), UUID.randomUUID().toString());

        LeadStatusChanged verified = status.await(r -> leadId.equals(r.key())
                && r.value().getStatus() == LeadStatus.INSURANCE_VERIFIED, Duration.ofSeconds(30)).value();
        assertThat(verified.getInsurance().getAttempts()).isEqualTo(2);
        assertThat(verified.getInsurance().getCopayCents()).isEqualTo(4000L);

        http.mutate().defaultHeaders(headers -> headers.setBasicAuth("carla", "carla-demo")).build()
                .get().uri("/api/checks?leadId=" + leadId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].state").isEqualTo("VERIFIED")
                .jsonPath("$[0].memberId").isEqualTo("****6789")
                .jsonPath("$[0].attemptLog.length()").isEqualTo(2)
                .jsonPath("$[0].attemptLog[1].verdict").isEqualTo("VERIFIED")
                .jsonPath("$[0].coveragesReturned").isEqualTo(2);
    }
}
