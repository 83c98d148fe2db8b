package com.leadflow.intake.care;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.intake.IntakeIntegrationTest;
import com.leadflow.intake.LeadJson;
import com.leadflow.intake.Submissions;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The care manager's list with its speed-to-lead clock (overdue after 1 s in these tests). */
@IntakeIntegrationTest
class CareManagerViewTest {

    @Autowired
    WebTestClient http;

    @Test
    void aCallBackNotYetAttemptedTurnsOverdueAndAContactAttemptStopsTheClock() {
        String leadId = Submissions.submit(http, LeadJson.valid()).get("leadId");

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(row(leadId, "?service=CALL_BACK").get("speedToLead")).extracting("state").isEqualTo("OVERDUE"));

        http.post().uri("/api/care/leads/{id}/contact-attempts", leadId).headers(h -> h.setBasicAuth("carla", "carla-demo"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("channel", "PHONE", "outcome", "NO_ANSWER"))
                .exchange().expectStatus().isCreated();

        Map<String, Object> after = row(leadId, "");
        assertThat(after.get("speedToLead")).extracting("state").isEqualTo("CONTACTED");
        assertThat(after.get("firstContactedAt")).isNotNull();
        http.get().uri("/api/leads/{id}", leadId).headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                .expectBody()
                .jsonPath("$.timeline[-1:].status").isEqualTo(List.of("CONTACT_ATTEMPTED"))
                .jsonPath("$.timeline[-1:].summary").isEqualTo(List.of("Phone: no answer"))
                .jsonPath("$.timeline[-1:].actor").isEqualTo(List.of("carla"))
                .jsonPath("$.currentStage").isEqualTo("CONTACT");
    }

    @Test
    void leadsAreListedNewestFirstByStageAndRequestedService() {
        String older = Submissions.submit(http, LeadJson.valid().with("requestedServices", List.of("INFO_KIT"))).get("leadId");
        String newer = Submissions.submit(http, LeadJson.valid().with("requestedServices", List.of("INFO_KIT"))).get("leadId");

        List<Map<String, Object>> infoKits = list("?service=INFO_KIT&stage=INTAKE");
        List<Object> ids = infoKits.stream().map(row -> row.get("id")).toList();
        assertThat(ids).containsSubsequence(newer, older);
        assertThat(infoKits.get(0).get("speedToLead")).extracting("state").isEqualTo("NOT_REQUESTED");
        assertThat(list("?service=CALL_BACK").stream().map(row -> row.get("id"))).doesNotContain(newer, older);
        assertThat(list("?stage=REVIEW").stream().map(row -> row.get("id"))).doesNotContain(newer, older);
    }

    @Test
    void unknownFiltersAndChoicesAreNamed() {
        http.get().uri("/api/care/leads?stage=LUNCH").headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("stage");
        String leadId = Submissions.submit(http, LeadJson.valid()).get("leadId");
        http.post().uri("/api/care/leads/{id}/contact-attempts", leadId).headers(h -> h.setBasicAuth("carla", "carla-demo"))
                .contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("channel", "PIGEON"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("channel")
                .jsonPath("$.errors[1].field").isEqualTo("outcome");
    }

    private Map<String, Object> row(String leadId, String query) {
        return list(query).stream().filter(row -> row.get("id").equals(leadId)).findFirst().orElseThrow();
    }

    private List<Map<String, Object>> list(String query) {
        return http.get().uri("/api/care/leads" + query).headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                .expectStatus().isOk()
                .expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
                }).returnResult().getResponseBody();
    }
}
