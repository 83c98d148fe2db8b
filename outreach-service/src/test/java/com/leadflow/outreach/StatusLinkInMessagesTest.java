package com.leadflow.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.ServiceType;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The confirmation and every note carry the visitor's private status link, asked of intake with
 * outreach's own token when the message goes out (the link never rides on a topic). While intake
 * cannot answer, the message waits and goes once it can; a lead intake does not know gets the
 * message without a link.
 */
class StatusLinkInMessagesTest extends OutreachScenario {

    @BeforeEach
    void textsAreTaken() {
        SMS.stubFor(post(urlEqualTo(InfoKitByTextTest.MESSAGES)).atPriority(10)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM0123456789abcdef\", \"status\": \"queued\"}")));
    }

    @Test
    void theConfirmationEmailCarriesTheStatusLinkIntakeGave() throws Exception {
        String email = TestLeads.email();
        LeadSubmitted lead = callBackLead(email, null);
        String link = intakeKnows(lead);

        submit(lead);

        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
        String text = Mails.allText(mailTo(email).get(0));
        // once in the plain-text part, and in the HTML part as the link's target and its words
        assertThat(text.split(java.util.regex.Pattern.quote(link), -1)).hasSizeGreaterThanOrEqualTo(4);
        assertThat(text).contains("Keep this link to yourself").doesNotContain("shown when you sent the form");
        INTAKE.verify(getRequestedFor(urlEqualTo("/api/status-links/" + lead.getLeadId()))
                .withHeader("Authorization", matching("Bearer [A-Za-z0-9._~+/=-]+")));
    }

    @Test
    void aTextCarriesTheStatusLinkToo() {
        String phone = TestLeads.phone();
        LeadSubmitted lead = callBackLead(null, phone);
        String link = intakeKnows(lead);

        submit(lead);

        Awaitility.await().atMost(WAIT).until(() -> InfoKitByTextTest.textsTo(phone).size() == 1);
        assertThat(InfoKitByTextTest.form(InfoKitByTextTest.textsTo(phone).get(0), "Body"))
                .contains("Your status page: " + link, "Reply STOP to opt out.");
    }

    @Test
    void whileIntakeCannotAnswerTheMessageWaitsThenGoesOnceWithTheLink() throws Exception {
        String email = TestLeads.email();
        LeadSubmitted lead = callBackLead(email, null);
        INTAKE.stubFor(get(urlEqualTo("/api/status-links/" + lead.getLeadId()))
                .willReturn(aResponse().withStatus(503)));

        submit(lead);

        Awaitility.await().atMost(WAIT).until(() -> reason(lead), r -> r.equals("intake answered HTTP 503 for the status link"));
        assertThat(mailTo(email)).isEmpty();

        String link = intakeKnows(lead);
        CLOCK.advance(Duration.ofMinutes(1));
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
        assertThat(Mails.allText(mailTo(email).get(0))).contains(link);
        awaitStatus(lead.getLeadId(), LeadStatus.MESSAGE_SENT);
        Awaitility.await().during(Duration.ofSeconds(1)).atMost(WAIT).until(() -> mailTo(email).size() == 1);
    }

    @Test
    void aLeadIntakeDoesNotKnowGetsTheMessageSayingWhereTheLinkWasShown() throws Exception {
        String email = TestLeads.email();
        LeadSubmitted lead = callBackLead(email, null);

        submit(lead);

        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 1);
        assertThat(Mails.allText(mailTo(email).get(0)))
                .contains("private status link shown when you sent the form")
                .doesNotContain("status.html#");
    }

    private static LeadSubmitted callBackLead(String email, String phone) {
        return TestLeads.lead(email, phone, List.of(ServiceType.CALL_BACK)).build();
    }

    /** Intake's answer for this lead: a link only this test knows. */
    private static String intakeKnows(LeadSubmitted lead) {
        String link = "http://localhost:8081/status.html#" + UUID.randomUUID().toString().replace("-", "") + "Abc_-x";
        INTAKE.stubFor(get(urlEqualTo("/api/status-links/" + lead.getLeadId())).atPriority(1)
                .willReturn(aResponse().withStatus(200).withHeader("Content-Type", "application/json")
                        .withBody("{\"url\": \"" + link + "\"}")));
        return link;
    }

    private String reason(LeadSubmitted lead) {
        return db.sql("select coalesce(reason, '') as reason from message where lead_id = :lead")
                .bind("lead", UUID.fromString(lead.getLeadId()))
                .map((row, meta) -> row.get("reason", String.class))
                .one().defaultIfEmpty("no message").block();
    }
}
