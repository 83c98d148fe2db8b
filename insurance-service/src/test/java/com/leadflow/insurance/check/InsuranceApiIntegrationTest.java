package com.leadflow.insurance.check;

import static com.leadflow.insurance.check.TestLeads.insurance;
import static com.leadflow.insurance.check.TestLeads.lead;
import static com.leadflow.insurance.check.TestLeads.newLeadId;
import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.schemas.Topics;
import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;

/** What care managers and the public form see over HTTP. */
@LeadflowIntegrationTest
@AutoConfigureWebTestClient
class InsuranceApiIntegrationTest {

    private static final Duration WAIT = Duration.ofSeconds(20);
    private static TopicProbe<LeadStatusChanged> status;

    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    WebTestClient http;
    @Autowired
    DatabaseClient db;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;
    @LocalServerPort
    int port;

    @AfterAll
    static void closeProbe() {
        if (status != null) {
            status.close();
        }
    }

    private synchronized LeadStatusChanged awaitStatus(String leadId, LeadStatus wanted) {
        if (status == null) {
            status = TopicProbe.of(brokers, Topics.LEADS_STATUS);
        }
        return status.await(r -> leadId.equals(r.key()) && r.value().getStatus() == wanted, WAIT).value();
    }

    private WebTestClient as(String user) {
        return http.mutate().defaultHeaders(headers -> headers.setBasicAuth(user, user + "-demo")).build();
    }

    private long audits(String actor, String action, String leadId) {
        return db.sql("select count(*) as n from audit_event where actor = :actor and action = :action and subject_id = :id")
                .bind("actor", actor).bind("action", action).bind("id", leadId)
                .map((row, meta) -> row.get("n", Long.class)).one().block();
    }

    @Test
    void theFormsTypeAheadFindsPayersByAliasAndWithTypos() {
        http.get().uri("/api/payers?q=UHC").exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$[0].id").isEqualTo("uhc")
                .jsonPath("$[0].name").isEqualTo("UnitedHealthcare")
                .jsonPath("$[0].realTimeEligibility").isEqualTo(true);
        http.get().uri("/api/payers?q=aetan").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].id").isEqualTo("aetna");
        http.get().uri("/api/payers?q=BCBS").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].id").isEqualTo("bcbs");
        http.get().uri("/api/payers?q=kaiser").exchange()
                .expectStatus().isOk().expectBody().jsonPath("$[0].realTimeEligibility").isEqualTo(false);
    }

    @Test
    void aSearchWithoutTextIsAnsweredWithTheFieldAndTheRule() {
        http.get().uri("/api/payers").exchange()
                .expectStatus().isBadRequest()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[0].field").isEqualTo("q")
                .jsonPath("$.errors[0].rule").isEqualTo("required");
        http.get().uri("/api/payers?q=" + "a".repeat(61)).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].rule").isEqualTo("max-length");
    }

    @Test
    void aCareManagerSeesEveryCheckWithTheMemberIdMaskedAndTheReadIsAudited() throws Exception {
        String leadId = newLeadId();
        TestLeads.submit(kafka, lead(leadId, insurance("aetna", "Aetna", "W123456789")), UUID.randomUUID().toString());
        awaitStatus(leadId, LeadStatus.INSURANCE_VERIFIED);

        var response = as("carla").get().uri("/api/checks?leadId=" + leadId).exchange()
                .expectStatus().isOk()
                .expectBody()
                .jsonPath("$.length()").isEqualTo(1)
                .jsonPath("$[0].memberId").isEqualTo("****6789")
                .jsonPath("$[0].state").isEqualTo("VERIFIED")
                .jsonPath("$[0].requestedBy").isEqualTo("system")
                .jsonPath("$[0].coverage.copayCents").isEqualTo(4000)
                .jsonPath("$[0].attemptLog[0].verdict").isEqualTo("VERIFIED")
                .jsonPath("$[0].attemptLog[0].durationMs").isNumber()
                .jsonPath("$[0].coveragesReturned").isEqualTo(2)
                .jsonPath("$[0].coveragesReturnedByAttempt.length()").isEqualTo(2)
                .jsonPath("$[0].coveragesReturnedByAttempt[1].coverage.serviceType").isEqualTo("PT")
                .returnResult();
        assertThat(new String(response.getResponseBodyContent())).doesNotContain("W123456789", "Jane", "Doe", "1970");
        assertThat(audits("carla", "LIST", leadId)).isEqualTo(1);
    }

    @Test
    void checksAreForCareManagersOnly() {
        as("drlee").get().uri("/api/checks?leadId=lead-1").exchange().expectStatus().isForbidden();
        http.get().uri("/api/checks?leadId=lead-1").exchange().expectStatus().isUnauthorized();
        as("drlee").post().uri("/api/leads/lead-1/insurance-checks").exchange().expectStatus().isForbidden();
    }

    @Test
    void aBadLeadIdIsAnsweredWithTheFieldAndTheRule() {
        as("carla").get().uri("/api/checks?leadId=not a lead!").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("leadId")
                .jsonPath("$.errors[0].rule").isEqualTo("pattern");
    }

    @Test
    void aCareManagerRechecksWithACorrectedMemberIdAndTheNewResultIsReported() throws Exception {
        String leadId = newLeadId();
        TestLeads.submit(kafka, lead(leadId, insurance("humana", "Humana", "NOTFOUND-4321")), UUID.randomUUID().toString());
        awaitStatus(leadId, LeadStatus.INSURANCE_NOT_VERIFIED);

        as("carla").post().uri("/api/leads/{leadId}/insurance-checks", leadId)
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"memberId\": \"H55566677\"}")
                .exchange()
                .expectStatus().isAccepted()
                .expectBody().jsonPath("$.state").isEqualTo("IN_PROGRESS")
                .jsonPath("$.requestedBy").isEqualTo("carla")
                .jsonPath("$.memberId").isEqualTo("****6677");

        LeadStatusChanged verified = awaitStatus(leadId, LeadStatus.INSURANCE_VERIFIED);
        assertThat(verified.getInsurance().getPayerId()).isEqualTo("humana");
        as("carla").get().uri("/api/checks?leadId=" + leadId).exchange()
                .expectBody().jsonPath("$.length()").isEqualTo(2)
                .jsonPath("$[0].state").isEqualTo("VERIFIED")
                .jsonPath("$[1].state").isEqualTo("NOT_VERIFIED")
                .jsonPath("$[1].patientCanFix").isEqualTo(true);
        assertThat(audits("carla", "CREATE", leadId)).isEqualTo(1);
    }

    @Test
    void aRecheckNeedsKnownInsuranceDetailsAndValidCorrections() {
        as("carla").post().uri("/api/leads/{leadId}/insurance-checks", newLeadId()).exchange()
                .expectStatus().isNotFound();
        as("carla").post().uri("/api/leads/{leadId}/insurance-checks", newLeadId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"memberId\": \"x\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("memberId")
                .jsonPath("$.errors[0].rule").isEqualTo("pattern");
        as("carla").post().uri("/api/leads/{leadId}/insurance-checks", newLeadId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"payerId\": \"acme\"}").exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].rule").isEqualTo("known-payer");
    }

    @Test
    void aRecheckWithAFieldTheFormDoesNotHaveIsRefusedNamingIt() {
        as("carla").post().uri("/api/leads/{leadId}/insurance-checks", newLeadId())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"memberId\": \"H55566677\", \"groupNumber\": \"G-1\"}")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("groupNumber")
                .jsonPath("$.errors[0].rule").isEqualTo("unknown-field");
    }

    @Test
    void concurrentRechecksOfOneLeadStartExactlyOneCheck() throws Exception {
        String leadId = newLeadId();
        TestLeads.submit(kafka, lead(leadId, insurance("wellcare", "WellCare", "NOTFOUND-9")), UUID.randomUUID().toString());
        awaitStatus(leadId, LeadStatus.INSURANCE_NOT_VERIFIED);
        // the corrected id makes the simulated payer hang, so the winning check stays in progress for the window
        WebClient client = WebClient.builder().baseUrl("http://localhost:" + port)
                .defaultHeaders(headers -> headers.setBasicAuth("carla", "carla-demo")).build();

        List<Integer> answers = Flux.range(0, 6)
                .flatMap(i -> client.post().uri("/api/leads/{leadId}/insurance-checks", leadId)
                        .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"memberId\": \"HANG-7\"}")
                        .exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value())), 6)
                .collectList().block(Duration.ofSeconds(20));

        assertThat(answers).containsOnly(202, 409);
        assertThat(answers).filteredOn(code -> code == 202).hasSize(1);
        Long inProgress = db.sql("select count(*) as n from eligibility_check where lead_id = :leadId and state = 'IN_PROGRESS'")
                .bind("leadId", leadId).map((row, meta) -> row.get("n", Long.class)).one().block();
        assertThat(inProgress).isEqualTo(1L);
    }
}
