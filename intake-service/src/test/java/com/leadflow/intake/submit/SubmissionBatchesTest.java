package com.leadflow.intake.submit;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.intake.Clients;
import com.leadflow.intake.IntakeIntegrationTest;
import com.leadflow.intake.LeadJson;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Submissions that queue while the workers are busy commit together (one worker here, so a burst queues behind
 * it), and what a visitor gets is what they would get one at a time: every lead stored once with its own id, a
 * repeated contact linked to the lead before it, a retried Idempotency-Key answered with the first lead, and a
 * bad submission refused alone, naming its field, while the rest of its batch is stored.
 */
@IntakeIntegrationTest
@TestPropertySource(properties = "leadflow.intake.submission.threads=1")
class SubmissionBatchesTest {

    private static final int BURST = 24;

    @Autowired
    WebTestClient http;

    @Autowired
    DatabaseClient db;

    @Test
    void aBurstIsCommittedInSharedTransactionsWithEachSubmissionAnsweredAsIfAlone() {
        LeadJson shared = LeadJson.valid();
        LeadJson sameEmail = LeadJson.valid().with("contact.email", shared.get("contact.email"));
        String key = UUID.randomUUID().toString();
        LeadJson retried = LeadJson.valid();
        LeadJson unknownUpload = LeadJson.valid().with("imagingIds", List.of(UUID.randomUUID().toString()));
        // 0: bad, 1-2: one contact twice, 3-4: one request retried with its key, the rest plain
        List<Sent> burst = IntStream.range(0, BURST).mapToObj(i -> switch (i) {
            case 0 -> new Sent(unknownUpload, null);
            case 1 -> new Sent(shared, null);
            case 2 -> new Sent(sameEmail, null);
            case 3, 4 -> new Sent(retried, key);
            default -> new Sent(LeadJson.valid(), null);
        }).toList();

        List<EntityExchangeResult<Map>> answers = Flux.fromIterable(burst)
                .flatMapSequential(sent -> Mono.fromCallable(() -> submit(sent)).subscribeOn(Schedulers.boundedElastic()),
                        BURST)
                .collectList().block(Duration.ofSeconds(60));

        EntityExchangeResult<Map> refused = answers.get(0);
        assertThat(refused.getStatus().value()).isEqualTo(400);
        assertThat(refused.getResponseBody().toString()).contains("imagingIds[0]");
        List<String> leadIds = answers.subList(1, BURST).stream().map(answer -> {
            assertThat(answer.getStatus().value()).isEqualTo(202);
            return String.valueOf(answer.getResponseBody().get("leadId"));
        }).toList();
        assertThat(leadIds.get(2)).isEqualTo(leadIds.get(3));
        assertThat(leadIds.stream().distinct().count()).isEqualTo(BURST - 2);

        String ids = leadIds.stream().distinct().map(id -> "'" + id + "'").collect(Collectors.joining(","));
        assertThat(count("select count(*) as n from lead where id::text in (" + ids + ")")).isEqualTo(BURST - 2);
        // of the two leads with one email, whichever was applied second is the possible duplicate of the other
        String first = leadIds.get(0);
        String second = leadIds.get(1);
        Map<String, String> links = db.sql("select id::text as id, coalesce(possible_duplicate_of::text, '') as d"
                        + " from lead where id::text in ('" + first + "','" + second + "')")
                .map((row, meta) -> Map.entry(row.get("id", String.class), row.get("d", String.class))).all()
                .collectMap(Map.Entry::getKey, Map.Entry::getValue).block();
        assertThat(links).hasSize(2);
        assertThat(List.of(links.get(first), links.get(second))).containsExactlyInAnyOrder("", links.get(first).isEmpty()
                ? first : second);
        // fewer transactions than leads: the burst queued behind the one worker and was committed in batches
        assertThat(count("select count(distinct xmin::text) as n from lead where id::text in (" + ids + ")"))
                .isLessThan(BURST - 2);
    }

    private record Sent(LeadJson lead, String idempotencyKey) {
    }

    private EntityExchangeResult<Map> submit(Sent sent) {
        return http.post().uri("/api/leads")
                .header("X-Forwarded-For", Clients.nextIp())
                .headers(h -> {
                    if (sent.idempotencyKey() != null) {
                        h.set("Idempotency-Key", sent.idempotencyKey());
                    }
                })
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(sent.lead().body())
                .exchange()
                .expectBody(Map.class).returnResult();
    }

    private long count(String sql) {
        return db.sql(sql).map((row, meta) -> row.get("n", Long.class)).one().block();
    }
}
