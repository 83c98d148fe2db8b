package com.leadflow.outreach;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.outreach.optout.TestSignatures;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.BodyInserters;

/** What a care manager sees of a lead's messages and can do, and what the public endpoints refuse. */
class CareMessagesApiTest extends OutreachScenario {

    @Test
    void aCareManagerSeesEveryMessageOfALeadAndCanSendTheKitAgain() {
        String email = TestLeads.email();
        LeadSubmitted lead = TestLeads.kitLead(email, null);
        submit(lead);
        awaitStatus(lead.getLeadId(), LeadStatus.INFO_KIT_SENT);
        String messages = "/api/outreach/leads/" + lead.getLeadId() + "/messages";

        http.get().uri(messages).exchange().expectStatus().isUnauthorized();
        http.get().uri(messages).headers(h -> h.setBasicAuth("drlee", "drlee-demo")).exchange().expectStatus().isForbidden();
        List<Map<String, Object>> listed = list(messages);
        assertThat(listed).singleElement().satisfies(message -> assertThat(message)
                .containsEntry("kind", "INFO_KIT").containsEntry("channel", "EMAIL").containsEntry("state", "SENT")
                .containsEntry("stateWords", "Sent").containsEntry("what", "Info kit")
                .doesNotContainKeys("to", "email", "body"));

        http.post().uri("/api/outreach/leads/" + lead.getLeadId() + "/kit").headers(h -> h.setBasicAuth("carla", "carla-demo"))
                .exchange().expectStatus().isAccepted();

        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 2);
        Awaitility.await().atMost(WAIT).until(() -> list(messages).stream().filter(m -> "SENT".equals(m.get("state"))).count() == 2);
        assertThat(list(messages)).extracting(m -> m.get("requestedBy")).containsExactlyInAnyOrder(null, "carla"); // the test clock stands still: both have one created_at
        Long audited = db.sql("select count(*) as n from audit_event where subject_id = :lead and actor = 'carla'")
                .bind("lead", lead.getLeadId()).map((row, meta) -> row.get("n", Long.class)).one().block();
        assertThat(audited).isGreaterThanOrEqualTo(4);
    }

    @Test
    void aKitForALeadOutreachDoesNotKnowIsNotFoundAndALeadIdMustBeAUuid() {
        http.post().uri("/api/outreach/leads/" + UUID.randomUUID() + "/kit").headers(h -> h.setBasicAuth("carla", "carla-demo"))
                .exchange().expectStatus().isNotFound()
                .expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
        http.get().uri("/api/outreach/leads/not-a-uuid/messages").headers(h -> h.setBasicAuth("carla", "carla-demo"))
                .exchange().expectStatus().isBadRequest();
    }

    @Test
    void theSmsWebhookRefusesUnsignedRequestsAndNamesAMissingSender() {
        http.post().uri("/sms/inbound").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .body(BodyInserters.fromFormData("From", TestLeads.phone()).with("Body", "STOP"))
                .exchange().expectStatus().isForbidden();
        String signature = TestSignatures.sign(SMS_TOKEN, "http://localhost:8086/sms/inbound", Map.of("Body", List.of("STOP")));
        http.post().uri("/sms/inbound").contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .header("X-Twilio-Signature", signature)
                .body(BodyInserters.fromFormData("Body", "STOP"))
                .exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("From");
    }

    @Test
    void aKitLinkThatWasNeverIssuedIsNotFound() {
        http.get().uri("/kit/" + "A".repeat(43)).exchange().expectStatus().isNotFound();
        http.get().uri("/unsubscribe/" + "A".repeat(43)).exchange().expectStatus().isNotFound()
                .expectBody(String.class).value(page -> assertThat(page).contains("This link is not valid", "877.474.2225"));
    }

    @SuppressWarnings("unchecked")
    private List<Map<String, Object>> list(String uri) {
        return http.get().uri(uri).headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                .expectStatus().isOk().expectBody(List.class).returnResult().getResponseBody();
    }
}
