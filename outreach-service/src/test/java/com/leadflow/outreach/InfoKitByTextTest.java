package com.leadflow.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadSubmitted;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * A visitor with no email who agreed to texts gets the kit as a private link by text, through the
 * Twilio-style gateway, only outside quiet hours in their own time zone.
 */
class InfoKitByTextTest extends OutreachScenario {

    static final String MESSAGES = "/2010-04-01/Accounts/" + SMS_ACCOUNT + "/Messages.json";
    static final Pattern KIT_LINK = Pattern.compile("http://localhost:8086(/kit/[A-Za-z0-9_-]{43})");

    @BeforeEach
    void gatewayAccepts() {
        SMS.stubFor(post(urlEqualTo(MESSAGES)).atPriority(10)
                .willReturn(aResponse().withStatus(201).withHeader("Content-Type", "application/json")
                        .withBody("{\"sid\": \"SM0123456789abcdef\", \"status\": \"queued\"}")));
    }

    @Test
    void withoutEmailTheKitGoesByTextAsALinkThatServesThePdfOnlyToItsHolder() throws Exception {
        String phone = TestLeads.phone();
        LeadSubmitted lead = TestLeads.kitLead(null, phone);

        submit(lead);

        LoggedRequest text = Awaitility.await().atMost(WAIT).until(() -> textsTo(phone), list -> list.size() == 1).get(0);
        assertThat(text.getHeader("Authorization")).startsWith("Basic ");
        String body = form(text, "Body");
        assertThat(body).contains("North American Spine", "Reply STOP to opt out.");
        Matcher link = KIT_LINK.matcher(body);
        assertThat(link.find()).isTrue();
        assertThat(awaitStatus(lead.getLeadId(), LeadStatus.INFO_KIT_SENT).getSummary())
                .isEqualTo("Info kit sent by text with a private download link (English)");

        byte[] pdf = http.get().uri(link.group(1)).exchange()
                .expectStatus().isOk()
                .expectHeader().contentType(MediaType.APPLICATION_PDF)
                .expectHeader().valueEquals("Cache-Control", "no-store")
                .expectBody(byte[].class).returnResult().getResponseBody();
        assertThat(Mails.pdfText(pdf)).contains("Laminectomy", "Prepared for Rosa");

        String other = link.group(1).substring(0, link.group(1).length() - 4) + "AAAA";
        http.get().uri(other).exchange().expectStatus().isNotFound();
        http.get().uri("/kit/" + lead.getLeadId()).exchange().expectStatus().isNotFound();
    }

    @Test
    void aTextDueAtHalfPastTenAtNightWaitsUntilEightInTheMorning() {
        // 22:30 in Dallas (ZIP 752xx, Central time) is 04:30 UTC
        CLOCK.set(Instant.parse("2026-12-02T04:30:00Z"));
        String phone = TestLeads.phone();
        LeadSubmitted lead = TestLeads.kitLead(null, phone);

        submit(lead);

        assertThat(awaitStatus(lead.getLeadId(), LeadStatus.MESSAGE_DEFERRED).getSummary())
                .isEqualTo("Info kit by text message deferred until 2026-12-02 08:00 America/Chicago time (quiet hours)");
        assertThat(textsTo(phone)).isEmpty();

        CLOCK.set(Instant.parse("2026-12-02T13:59:00Z"));
        // 07:59 in Dallas is still quiet: several sender polls go by and nothing is sent
        Awaitility.await().during(java.time.Duration.ofSeconds(1)).atMost(WAIT).until(() -> textsTo(phone).isEmpty());

        CLOCK.set(Instant.parse("2026-12-02T14:00:00Z"));
        Awaitility.await().atMost(WAIT).until(() -> textsTo(phone).size() == 1);
        awaitStatus(lead.getLeadId(), LeadStatus.INFO_KIT_SENT);
    }

    @Test
    void aNumberTheGatewayCallsInvalidEndsAsAStageWithTheReason() {
        String phone = TestLeads.phone();
        SMS.stubFor(post(urlEqualTo(MESSAGES)).atPriority(1).withRequestBody(containing(phone.substring(1)))
                .willReturn(aResponse().withStatus(400).withHeader("Content-Type", "application/json")
                        .withBody("{\"code\": 21211, \"message\": \"The 'To' number is not a valid phone number.\"}")));
        LeadSubmitted lead = TestLeads.kitLead(null, phone);

        submit(lead);

        assertThat(awaitStatus(lead.getLeadId(), LeadStatus.INFO_KIT_NOT_SENT).getSummary())
                .isEqualTo("Info kit by text message could not be sent: the SMS gateway refused the text (400, code 21211)");
        assertThat(textsTo(phone)).hasSize(1);
        Long suppressed = db.sql("select count(*) as n from suppression where channel = 'TEXT' and reason = 'UNDELIVERABLE'")
                .map((row, meta) -> row.get("n", Long.class)).one().block();
        assertThat(suppressed).isPositive();
    }

    static List<LoggedRequest> textsTo(String phone) {
        return SMS.findAll(postRequestedFor(urlEqualTo(MESSAGES))).stream()
                .filter(request -> phone.equals(form(request, "To"))).toList();
    }

    static String form(LoggedRequest request, String name) {
        for (String pair : request.getBodyAsString().split("&")) {
            String[] parts = pair.split("=", 2);
            if (URLDecoder.decode(parts[0], StandardCharsets.UTF_8).equals(name)) {
                return URLDecoder.decode(parts.length > 1 ? parts[1] : "", StandardCharsets.UTF_8);
            }
        }
        return null;
    }
}
