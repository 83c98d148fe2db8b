package com.leadflow.intake.care;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.intake.IntakeIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The inbox at 100,000 leads in PostgreSQL: every order and the usual filters walk an index, so a
 * page costs what it costs at 100 leads. The plans are asserted, not timings; the times EXPLAIN
 * ANALYZE measured are printed for the README. The leads are seeded inside a transaction that is
 * rolled back, so no other test sees them.
 */
@IntakeIntegrationTest
class InboxAtScaleTest {

    static final int LEADS = 100_000;
    private static final Pattern EXECUTION = Pattern.compile("Execution Time: ([0-9.]+) ms");

    @Autowired
    DatabaseClient db;

    @Autowired
    TransactionalOperator tx;

    @Autowired
    CareQueue queue;

    @Test
    void theInboxQueriesUseTheirIndexesAtAHundredThousandLeads() {
        String reachedCursor = new InboxCursor(InboxFilter.Sort.ATTENTION, false, Instant.now().toString(), UUID.randomUUID())
                .encode();
        // what the page asks for, and the index its plan must walk
        Map<String, Map<String, String>> queries = new LinkedHashMap<>();
        queries.put("default order, first page: lead_inbox", Map.of());
        queries.put("default order, among the reached leads: lead_inbox|lead_submitted", Map.of("after", reachedCursor));
        queries.put("newest first: lead_submitted", Map.of("sort", "newest"));
        queries.put("by name: lead_name", Map.of("sort", "name"));
        queries.put("my leads: lead_owner", Map.of("owner", "me"));
        // lead_owner holds only owned leads (V5); nobody's leads are most of them, read in the inbox's order
        queries.put("nobody's leads: lead_inbox", Map.of("owner", "none"));
        queries.put("search by a name's beginning: lead_name|lead_last_name", Map.of("q", "lead42"));

        Map<String, String> plans = tx.execute(status -> {
            status.setRollbackOnly();
            return seed().then(db.sql("analyze lead").then())
                    .thenMany(Flux.fromIterable(queries.entrySet()).concatMap(query -> explain(query.getValue())
                            .map(plan -> Map.entry(query.getKey(), plan))))
                    .collectMap(Map.Entry::getKey, Map.Entry::getValue);
        }).blockFirst(Duration.ofMinutes(5));

        SoftAssertions each = new SoftAssertions();
        plans.forEach((query, plan) -> {
            String index = query.substring(query.indexOf(": ") + 2);
            each.assertThat(plan).as(query + "\n" + plan).containsPattern(" (using|on) (" + index + ") ")
                    .doesNotContain("Seq Scan");
            Matcher time = EXECUTION.matcher(plan);
            if (time.find()) {
                System.out.printf("Inbox at %,d leads, %s: %s ms%n", LEADS, query, time.group(1));
            }
        });
        each.assertAll();
    }

    /** The rolled-back rows leave dead tuples behind; the next tests should not pay for them. */
    @AfterEach
    void vacuum() {
        db.sql("vacuum analyze lead").then().block(Duration.ofMinutes(2));
    }

    private Mono<String> explain(Map<String, String> parameters) {
        InboxFilter filter = InboxFilter.parse(parameters);
        return queue.firstStatement(filter, "carla").on(db, "explain (analyze, buffers) ")
                .map((row, meta) -> row.get(0, String.class)).all()
                .collectList().map(lines -> String.join("\n", lines));
    }

    /** A hundred thousand leads a minute apart, one in twenty still waiting, one in fifty carla's. */
    private Mono<Void> seed() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        return db.sql("""
                insert into lead (id, status_token, submitted_at, requested_services, callback_requested, details,
                    consent_given, disclosure_version, disclosure_sha256, consent_recorded_at, current_stage,
                    current_status, stage_changed_at, name_key, last_name_key, waiting, owner)
                select gen_random_uuid(), 'seed-' || :run || '-' || i, now() - i * interval '1 minute', 'INFO_KIT', false,
                    '{"contact":{"firstName":"Seed","lastName":"Lead","preferredChannel":"PHONE","preferredTime":"ANYTIME"}}',
                    true, '2026-11-01', repeat('0', 64), now(), 'INTAKE', 'LEAD_SUBMITTED', now(),
                    encode(convert_to('seed lead' || i, 'UTF8'), 'hex'), encode(convert_to('lead' || i, 'UTF8'), 'hex'),
                    i % 20 = 0, case when i % 50 = 0 then 'carla' end
                from generate_series(1, :leads) as i""")
                .bind("run", run).bind("leads", LEADS)
                .fetch().rowsUpdated()
                .doOnNext(rows -> assertThat(rows).isEqualTo(LEADS))
                .then();
    }

    @Test
    void theSeedDoesNotOutliveItsTest() {
        Long seeded = db.sql("select count(*) as n from lead where status_token like 'seed-%'")
                .map((row, meta) -> row.get("n", Long.class)).one().block();
        assertThat(seeded).isZero();
    }
}
