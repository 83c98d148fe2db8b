package com.leadflow.intake.submit;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadSubmitted;
import com.leadflow.intake.Clients;
import com.leadflow.intake.IntakeIntegrationTest;
import com.leadflow.intake.LeadJson;
import com.leadflow.schemas.Topics;
import com.leadflow.test.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

@IntakeIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeadSubmissionApiTest {

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    TopicProbe<LeadSubmitted> submitted;

    @BeforeAll
    void probe() {
        submitted = TopicProbe.of(brokers, Topics.LEADS_SUBMITTED);
    }

    @AfterAll
    void closeProbe() {
        submitted.close();
    }

    @Test
    void aValidSubmissionIsAcceptedWithAPrivateStatusLink() {
        Map<?, ?> body = submit(LeadJson.valid(), null).expectStatus().isAccepted()
                .expectHeader().doesNotExist("Location")
                .expectBody(Map.class).returnResult().getResponseBody();
        assertThat(body.get("leadId")).isNotNull();
        assertThat((String) body.get("statusUrl")).startsWith("/status.html#")
                .doesNotContain(body.get("leadId").toString());
    }

    @Test
    void theLeadSubmittedEventReachesKafkaWithConsentAndAttribution() {
        LeadJson lead = LeadJson.valid();
        String leadId = leadIdOf(submit(lead, null, "Mozilla/5.0 (Test)"));

        LeadSubmitted event = submitted.await(r -> r.key().equals(leadId), Duration.ofSeconds(20)).value();

        assertThat(event.getContact().getEmail()).isEqualTo(lead.get("contact.email"));
        assertThat(event.getContact().getPhone()).startsWith("+1415555");
        assertThat(event.getConsent().getContactConsentGiven()).isTrue();
        assertThat(event.getConsent().getDisclosureVersion()).isEqualTo("2026-11-01");
        assertThat(event.getConsent().getDisclosureSha256()).hasSize(64);
        assertThat(event.getConsent().getUserAgent()).isEqualTo("Mozilla/5.0 (Test)");
        assertThat(event.getConsent().getIpAddress()).isNotBlank();
        assertThat(event.getConsent().getPageUrl()).isEqualTo("https://practice.example/procedures/microdiscectomy");
        assertThat(event.getConsent().getRecordedAt()).isNotNull();
        assertThat(event.getAttribution().getUtmSource()).isEqualTo("google");
        assertThat(event.getAttribution().getUtmCampaign()).isEqualTo("spine-fall");
        assertThat(event.getAttribution().getReferrer()).isEqualTo("https://www.google.com/");
        assertThat(event.getAttribution().getLandingPage()).contains("microdiscectomy");
        assertThat(event.getAttribution().getFirstTouchAt()).hasToString("2026-11-20T09:15:00Z");
        assertThat(event.getClinical().getRedFlags()).hasSize(1);
        assertThat(event.getInsurance().getMemberId()).isEqualTo(lead.get("insurance.memberId"));
        assertThat(event.getPossibleDuplicateOf()).isNull();
    }

    @Test
    void theSameIdempotencyKeyTwiceCreatesOneLead() {
        LeadJson lead = LeadJson.valid();
        String key = UUID.randomUUID().toString();
        String first = leadIdOf(submit(lead, key));
        String second = leadIdOf(submit(lead, key));

        assertThat(second).isEqualTo(first);
        assertThat(count("select count(*) as n from lead where id = '" + first + "'")).isEqualTo(1);
        assertPublishedOnce(first);
    }

    @Test
    void retriesRacingWithTheSameIdempotencyKeyCreateOneLead() {
        LeadJson lead = LeadJson.valid();
        String key = UUID.randomUUID().toString();
        List<String> leadIds = Flux.range(0, 8)
                .flatMap(i -> Mono.fromCallable(() -> leadIdOf(submit(lead, key))).subscribeOn(Schedulers.boundedElastic()), 8)
                .collectList().block(Duration.ofSeconds(60));

        assertThat(leadIds).hasSize(8).containsOnly(leadIds.get(0));
        assertThat(count("select count(*) as n from idempotency_key k join lead l on l.id = k.lead_id"
                + " where k.idempotency_key = '" + key + "'")).isEqualTo(1);
        assertPublishedOnce(leadIds.get(0));
    }

    @Test
    void anIdempotencyKeyReusedForAnotherSubmissionIsAConflict() {
        String key = UUID.randomUUID().toString();
        leadIdOf(submit(LeadJson.valid(), key));
        submit(LeadJson.valid(), key).expectStatus().isEqualTo(HttpStatus.CONFLICT)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aLeadWithTheContactOfARecentLeadIsKeptAndLinkedAsPossibleDuplicate() {
        LeadJson original = LeadJson.valid();
        String originalId = leadIdOf(submit(original, null));
        LeadJson again = LeadJson.valid().with("contact.email", original.get("contact.email").toUpperCase());
        String againId = leadIdOf(submit(again, null));

        assertThat(againId).isNotEqualTo(originalId);
        LeadSubmitted event = submitted.await(r -> r.key().equals(againId), Duration.ofSeconds(20)).value();
        assertThat(event.getPossibleDuplicateOf()).isEqualTo(originalId);
        http.get().uri("/api/leads/{id}", againId).headers(h -> h.setBasicAuth("carla", "carla-demo")).exchange()
                .expectStatus().isOk()
                .expectBody().jsonPath("$.possibleDuplicateOf").isEqualTo(originalId);

        LeadJson samePhone = LeadJson.valid().with("contact.phone", original.get("contact.phone"));
        String thirdId = leadIdOf(submit(samePhone, null));
        assertThat(submitted.await(r -> r.key().equals(thirdId), Duration.ofSeconds(20)).value()
                .getPossibleDuplicateOf()).isEqualTo(originalId);
    }

    @Test
    void aClientThatFloodsTheEndpointIsToldToSlowDown() {
        String ip = Clients.nextIp();
        List<Integer> statuses = IntStream.range(0, 12).mapToObj(i -> http.post().uri("/api/leads")
                        .header("X-Forwarded-For", ip).contentType(MediaType.APPLICATION_JSON)
                        .bodyValue(Map.of()).exchange().returnResult(String.class).getStatus().value())
                .toList();
        assertThat(statuses.subList(0, 10)).containsOnly(400);
        assertThat(statuses.subList(10, 12)).containsOnly(429);
        http.post().uri("/api/leads").header("X-Forwarded-For", ip).contentType(MediaType.APPLICATION_JSON)
                .bodyValue(Map.of()).exchange()
                .expectStatus().isEqualTo(HttpStatus.TOO_MANY_REQUESTS)
                .expectHeader().exists("Retry-After")
                .expectBody().jsonPath("$.title").isEqualTo("Too many requests");
        // another client is not affected
        submit(LeadJson.valid(), null).expectStatus().isAccepted();
    }

    private WebTestClient.ResponseSpec submit(LeadJson lead, String idempotencyKey) {
        return submit(lead, idempotencyKey, "JUnit");
    }

    private WebTestClient.ResponseSpec submit(LeadJson lead, String idempotencyKey, String userAgent) {
        return http.post().uri("/api/leads")
                .header("X-Forwarded-For", Clients.nextIp())
                .header("User-Agent", userAgent)
                .headers(h -> {
                    if (idempotencyKey != null) {
                        h.set("Idempotency-Key", idempotencyKey);
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(lead.body())
                .exchange();
    }

    private static String leadIdOf(WebTestClient.ResponseSpec response) {
        Map<?, ?> body = response.expectStatus().isAccepted().expectBody(Map.class).returnResult().getResponseBody();
        return String.valueOf(body.get("leadId"));
    }

    /**
     * The lead's outbox has emptied (the relay deletes a row in the transaction that publishes it, so
     * every event recorded for it is on the topic) and the topic holds one LeadSubmitted for it, and
     * still one a second later.
     */
    private void assertPublishedOnce(String leadId) {
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).until(() ->
                count("select count(*) as n from outbox_event where record_key = '" + leadId + "'") == 0);
        org.awaitility.Awaitility.await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(30))
                .until(() -> submitted.records().stream().filter(r -> leadId.equals(r.key())).count(), n -> n == 1);
    }

    private long count(String sql) {
        return db.sql(sql).map((row, meta) -> row.get("n", Long.class)).one().block();
    }
}
