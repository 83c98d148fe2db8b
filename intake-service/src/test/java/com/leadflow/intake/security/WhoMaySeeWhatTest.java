package com.leadflow.intake.security;

import com.leadflow.intake.IntakeIntegrationTest;
import com.leadflow.intake.LeadJson;
import com.leadflow.intake.Submissions;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

import static org.assertj.core.api.Assertions.assertThat;

/** The public may only submit and use its status link; each role sees its own part. */
@IntakeIntegrationTest
class WhoMaySeeWhatTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Test
    void anonymousCallersAreAskedToSignInForLeads() {
        String leadId = Submissions.submit(http, LeadJson.valid()).get("leadId");
        http.get().uri("/api/leads/{id}", leadId).exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/leads/changes").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/care/leads").exchange().expectStatus().isUnauthorized();
        http.post().uri("/api/care/leads/{id}/contact-attempts", leadId).contentType(MediaType.APPLICATION_JSON)
                .bodyValue("{}").exchange().expectStatus().isUnauthorized();
        http.get().uri("/api/imaging/{id}", UUID.randomUUID()).exchange().expectStatus().isUnauthorized();
        http.get().uri("/care/index.html").exchange().expectStatus().isUnauthorized();
    }

    @Test
    void wrongRolesAreForbidden() {
        String leadId = Submissions.submit(http, LeadJson.valid()).get("leadId");
        as("drlee", "drlee-demo", HttpMethod.GET, "/api/leads/" + leadId).expectStatus().isForbidden();
        as("olive", "olive-demo", HttpMethod.GET, "/api/leads/" + leadId).expectStatus().isForbidden();
        as("adam", "adam-demo", HttpMethod.GET, "/api/care/leads").expectStatus().isForbidden();
        as("carla", "carla-demo", HttpMethod.GET, "/api/imaging/" + UUID.randomUUID()).expectStatus().isForbidden();
        as("carla", "wrong-password", HttpMethod.GET, "/api/leads/" + leadId).expectStatus().isUnauthorized();
        as("drlee", "drlee-demo", HttpMethod.GET, "/care/index.html").expectStatus().isForbidden();
        as("carla", "carla-demo", HttpMethod.GET, "/care/index.html").expectStatus().isOk();
    }

    @Test
    void aCareManagersReadOfALeadIsAudited() {
        String leadId = Submissions.submit(http, LeadJson.valid()).get("leadId");
        as("carla", "carla-demo", HttpMethod.GET, "/api/leads/" + leadId).expectStatus().isOk();
        Long views = db.sql("select count(*) as n from audit_event where subject_id = :id and actor = 'carla' and action = 'VIEW'")
                .bind("id", leadId).map((row, meta) -> row.get("n", Long.class)).one().block();
        assertThat(views).isEqualTo(1);
    }

    @Test
    void theStatusLinkNeedsItsSecretNotTheLeadId() {
        String leadId = Submissions.submit(http, LeadJson.valid()).get("leadId");
        http.get().uri("/api/status/{token}", leadId).exchange().expectStatus().isNotFound()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/status/{token}", "A".repeat(43)).exchange().expectStatus().isNotFound();
    }

    @Test
    void thePublicMayLoadTheFormAndTheDisclosure() {
        http.get().uri("/").exchange().expectStatus().isOk();
        http.get().uri("/api/disclosure").exchange().expectStatus().isOk()
                .expectBody().jsonPath("$.version").isEqualTo("2026-11-01")
                .jsonPath("$.sha256").value(sha -> assertThat(sha.toString()).hasSize(64));
    }

    private WebTestClient.ResponseSpec as(String user, String password, HttpMethod method, String uri) {
        return http.method(method).uri(uri).headers(h -> h.setBasicAuth(user, password)).exchange();
    }
}
