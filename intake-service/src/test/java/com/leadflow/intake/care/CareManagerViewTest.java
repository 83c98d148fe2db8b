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
import org.springframework.test.web.reactive.server.WebTestClient;

/** The speed-to-lead clock and contact attempts (a lead is overdue after 1 s in these tests). */
@IntakeIntegrationTest
class CareManagerViewTest {

    @Autowired
    WebTestClient http;

    @Test
    void everyNewLeadTurnsOverdueAndOnlyReachingTheVisitorStopsTheClock() {
        String leadId = Submissions.submit(http, LeadJson.valid().with("requestedServices", List.of("INFO_KIT"))).get("leadId");
        CareApi care = new CareApi(http);
        String mine = "?q=" + leadId;

        Awaitility.await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
                assertThat(care.row(leadId, mine).get("speedToLead")).extracting("state").isEqualTo("OVERDUE"));

        care.attempt(leadId, "PHONE", "LEFT_MESSAGE").expectStatus().isCreated();
        Map<String, Object> afterMessage = care.row(leadId, mine);
        assertThat(afterMessage.get("speedToLead")).extracting("state", "attempts").containsExactly("OVERDUE", 1);

        care.attempt(leadId, "PHONE", "REACHED").expectStatus().isCreated();
        assertThat(care.row(leadId, mine).get("speedToLead")).extracting("state", "attempts").containsExactly("REACHED", 2);
        http.get().uri("/api/leads/{id}", leadId).headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                .expectBody()
                .jsonPath("$.timeline[-1:].status").isEqualTo(List.of("CONTACT_ATTEMPTED"))
                .jsonPath("$.timeline[-1:].summary").isEqualTo(List.of("Phone: reached"))
                .jsonPath("$.timeline[-1:].actor").isEqualTo(List.of("carla"))
                .jsonPath("$.speedToLead.state").isEqualTo("REACHED")
                .jsonPath("$.currentStage").isEqualTo("CONTACT");
    }

    @Test
    void anOutcomeThatCannotHappenOnTheChannelIsRefusedNamingTheField() {
        String leadId = Submissions.submit(http, LeadJson.valid()).get("leadId");
        CareApi care = new CareApi(http);

        care.attempt(leadId, "EMAIL", "WRONG_NUMBER").expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("outcome")
                .jsonPath("$.errors[0].rule").isEqualTo("not-for-channel")
                .jsonPath("$.errors[0].message").value(message -> assertThat(message.toString())
                        .contains("Bounced").doesNotContain("BOUNCED"));
        care.attempt(leadId, "TEXT", "NO_ANSWER").expectStatus().isBadRequest();
        assertThat(care.row(leadId, "?q=" + leadId).get("speedToLead")).extracting("attempts").isEqualTo(0);
    }

    @Test
    void unknownFiltersAndChoicesAreNamed() {
        CareApi care = new CareApi(http);
        http.get().uri("/api/care/leads?stage=LUNCH&sort=shoe-size&size=0&overdue=maybe&from=yesterday&after=xyz")
                .headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                .expectStatus().isBadRequest().expectBody()
                .jsonPath("$.errors[*].field").isEqualTo(List.of("stage", "overdue", "from", "sort", "size"));
        http.get().uri("/api/care/leads?after=bm90LWEtY3Vyc29y").headers(h -> h.setBasicAuth("carla", "carla-demo"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("after");
        http.get().uri("/api/care/leads?q=" + "x".repeat(201)).headers(h -> h.setBasicAuth("carla", "carla-demo"))
                .exchange().expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("q");
        String leadId = Submissions.submit(http, LeadJson.valid()).get("leadId");
        care.send("POST", "/api/care/leads/" + leadId + "/contact-attempts", Map.of("channel", "PIGEON"))
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("channel")
                .jsonPath("$.errors[1].field").isEqualTo("outcome");
    }
}
