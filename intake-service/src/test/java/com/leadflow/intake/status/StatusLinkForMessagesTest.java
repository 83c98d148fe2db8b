package com.leadflow.intake.status;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.intake.IntakeIntegrationTest;
import com.leadflow.intake.LeadJson;
import com.leadflow.intake.Submissions;
import com.leadflow.test.IdentityProviderServer;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Outreach puts the visitor's status link in its messages; it asks intake for it with its own
 * token at the moment of sending, so the secret never rides on a topic. Nobody else gets it here.
 */
@IntakeIntegrationTest
class StatusLinkForMessagesTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @BeforeEach
    void patientClient() {
        // each refusal below asks the security rules which roles would open the path; on a loaded
        // 2-core machine that can take longer than the client's 5 s default
        http = http.mutate().responseTimeout(java.time.Duration.ofSeconds(30)).build();
    }

    @Test
    void outreachGetsTheLinkTheVisitorWasShownAndItOpensTheirStatus() {
        Map<String, String> accepted = Submissions.submit(http, LeadJson.valid());
        String leadId = accepted.get("leadId");

        Map<String, String> link = asOutreach("/api/status-links/" + leadId).expectStatus().isOk()
                .expectHeader().cacheControl(org.springframework.http.CacheControl.noStore())
                .expectBody(new ParameterizedTypeReference<Map<String, String>>() { }).returnResult().getResponseBody();

        assertThat(link.get("url")).isEqualTo("http://localhost:8081" + accepted.get("statusUrl"));
        String token = link.get("url").substring(link.get("url").indexOf('#') + 1);
        http.get().uri("/api/status/{token}", token).exchange().expectStatus().isOk();
    }

    @Test
    void eachLinkHandedOutIsAudited() {
        String leadId = Submissions.submit(http, LeadJson.valid()).get("leadId");

        asOutreach("/api/status-links/" + leadId).expectStatus().isOk();
        asOutreach("/api/status-links/" + leadId).expectStatus().isOk();

        Long reads = db.sql("select count(*) as n from audit_event where subject_type = 'status-link' and subject_id = :id")
                .bind("id", leadId).map((row, meta) -> row.get("n", Long.class)).one().block();
        assertThat(reads).isEqualTo(2);
    }

    @Test
    void noPersonMayReadALinkNotEvenACareManager() {
        String leadId = Submissions.submit(http, LeadJson.valid()).get("leadId");

        for (String role : new String[] {"CARE_MANAGER", "CLINICIAN", "OPS", "ADMIN", IdentityProviderServer.NO_ROLE}) {
            http.get().uri("/api/status-links/{id}", leadId)
                    .headers(h -> h.setBearerAuth(IdentityProviderServer.get().tokenFor(role)))
                    .exchange().expectStatus().isForbidden();
        }
        http.get().uri("/api/status-links/{id}", leadId).exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/status-links/{id}", leadId).headers(h -> h.setBasicAuth("carla", "carla-demo"))
                .exchange().expectStatus().isForbidden();
    }

    @Test
    void anUnknownOrMalformedLeadIdIsAnsweredWithoutALink() {
        asOutreach("/api/status-links/" + UUID.randomUUID()).expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.detail").isEqualTo("No lead has this id.");
        asOutreach("/api/status-links/not-a-lead-id").expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    private WebTestClient.ResponseSpec asOutreach(String uri) {
        return http.get().uri(uri).headers(h -> h.setBearerAuth(IdentityProviderServer.get().tokenFor("OUTREACH")))
                .exchange();
    }
}
