package com.leadflow.outreach.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.outreach.recipient.Channel;
import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.platform.db.SqlValues;
import com.leadflow.test.PostgresTestDatabase;
import io.r2dbc.spi.ConnectionFactories;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * A poll's messages and a batch's outcomes are each one statement on PostgreSQL (columns as arrays):
 * what they write is what a row at a time wrote, on the local PostgreSQL.
 */
class MessagesOnPostgresTest {

    private static final Instant NOW = Instant.parse("2026-12-01T18:00:00.123456Z");

    private static ConsumerDatabase database;
    private static Messages messages;

    @BeforeAll
    static void database() {
        String schema = PostgresTestDatabase.newSchema("messages");
        Flyway.configure().dataSource(PostgresTestDatabase.jdbcUrl(), PostgresTestDatabase.user(),
                PostgresTestDatabase.password()).schemas(schema).defaultSchema(schema)
                .locations("classpath:db/migration/platform", "classpath:db/migration/service").load().migrate();
        DatabaseClient db = DatabaseClient.create(ConnectionFactories.get(
                "r2dbc:postgresql://" + PostgresTestDatabase.user() + "@127.0.0.1:5432/test?schema=" + schema));
        database = ConsumerDatabase.of(new MockEnvironment()
                .withProperty("spring.flyway.url", PostgresTestDatabase.jdbcUrl())
                .withProperty("spring.flyway.user", PostgresTestDatabase.user())
                .withProperty("spring.flyway.password", PostgresTestDatabase.password())
                .withProperty("spring.flyway.default-schema", schema), "messages-test", 1);
        messages = new Messages(db, database);
    }

    @AfterAll
    static void close() {
        database.close();
    }

    @Test
    void aPollSeenAgainAddsEachMessageOnceAndNamesOnlyTheNewOnes() {
        UUID lead = UUID.randomUUID();
        Message confirmation = planned(lead, "submitted:CONFIRMATION", MessageKind.CONFIRMATION, null);
        Message kit = planned(lead, "resend:1", MessageKind.INFO_KIT, "care.manager@practice.test");

        Set<UUID> first = database.inTransaction(() -> messages.addAll(List.of(confirmation, kit)));
        Message again = planned(lead, "submitted:CONFIRMATION", MessageKind.CONFIRMATION, null);
        Message note = planned(lead, "status:REVIEW_DONE", MessageKind.REVIEW_DONE, null);
        Set<UUID> second = database.inTransaction(() -> messages.addAll(List.of(again, note)));

        assertThat(first).containsExactlyInAnyOrder(confirmation.id(), kit.id());
        assertThat(second).containsExactly(note.id());
        List<Message> ofLead = messages.ofLead(lead).block();
        assertThat(ofLead).extracting(Message::id).containsExactlyInAnyOrder(confirmation.id(), kit.id(), note.id());
        assertThat(messages.find(kit.id()).block()).isEqualTo(kit);
    }

    @Test
    void aBatchsOutcomesAreEachWrittenOnTheirMessage() {
        UUID lead = UUID.randomUUID();
        Message sent = planned(lead, "a", MessageKind.CONFIRMATION, null);
        Message failed = planned(lead, "b", MessageKind.CONFIRMATION, null);
        Message deferred = planned(lead, "c", MessageKind.INFO_KIT, null);
        Message retried = planned(lead, "d", MessageKind.CONFIRMATION, null);
        database.inTransaction(() -> messages.addAll(List.of(sent, failed, deferred, retried)));
        Instant at = NOW.plusSeconds(5);
        Instant later = NOW.plusSeconds(3600);

        database.inTransaction(() -> {
            messages.finish(List.of(
                    new Messages.Finish(sent.id(), Channel.EMAIL, MessageState.SENT, at, null, "provider-1"),
                    new Messages.Finish(failed.id(), Channel.TEXT, MessageState.FAILED, at, "refused (550)", null)));
            messages.hold(List.of(
                    new Messages.Hold(deferred.id(), Channel.TEXT, MessageState.DEFERRED, later, 0, "quiet hours"),
                    new Messages.Hold(retried.id(), null, MessageState.PENDING, later, 3, "try later (421)")));
        });

        assertThat(messages.find(sent.id()).block()).extracting(Message::state, Message::channel, Message::sentAt,
                Message::reason).containsExactly(MessageState.SENT, Channel.EMAIL, at, null);
        assertThat(messages.find(failed.id()).block()).extracting(Message::state, Message::channel, Message::sentAt,
                Message::reason).containsExactly(MessageState.FAILED, Channel.TEXT, null, "refused (550)");
        assertThat(messages.find(deferred.id()).block()).extracting(Message::state, Message::channel, Message::dueAt,
                Message::attempts, Message::reason).containsExactly(MessageState.DEFERRED, Channel.TEXT, later, 0,
                "quiet hours");
        assertThat(messages.find(retried.id()).block()).extracting(Message::state, Message::channel, Message::dueAt,
                Message::attempts, Message::reason).containsExactly(MessageState.PENDING, Channel.EMAIL, later, 3,
                "try later (421)");
        String provider = database.inTransaction(() -> database.jdbc()
                .sql("select provider_id from message where id = :id").param("id", sent.id())
                .query(String.class).single());
        assertThat(provider).isEqualTo("provider-1");
        assertThat(database.inTransaction(() -> messages.lease(later.plusSeconds(1), later.plusSeconds(120), 20)))
                .filteredOn(m -> m.leadId().equals(lead)).extracting(Message::id).containsExactlyInAnyOrder(deferred.id(), retried.id());
    }

    @Test
    void theLeaseFindsDueMessagesInAnIndexOfWaitingMessagesInDueOrderNotAmongTheSentOnes() {
        database.inTransaction(() -> database.jdbc().sql("""
                insert into message (id, lead_id, purpose, kind, channel, state, due_at, created_at, sent_at)
                select gen_random_uuid(), gen_random_uuid(), 'sent', 'CONFIRMATION', 'EMAIL', 'SENT',
                now() - g * interval '1 s', now(), now() from generate_series(1, 5000) g""").update());
        database.inTransaction(() -> database.jdbc().sql("analyze message").update());

        // the lease's query (Messages.lease), planned once for any time, as a server-prepared
        // statement is (PostgreSQL 15 has no EXPLAIN (GENERIC_PLAN))
        List<String> plan = database.inTransaction(() -> {
            database.jdbc().sql("set local plan_cache_mode = force_generic_plan").update();
            database.jdbc().sql("""
                    prepare lease_plan(timestamptz) as select id from message
                    where state in ('PENDING', 'DEFERRED') and due_at <= $1 and (leased_until is null or leased_until < $1)
                    order by due_at limit 20 for update skip locked""").update();
            List<String> lines = database.jdbc().sql("explain execute lease_plan(now())").query(String.class).list();
            database.jdbc().sql("deallocate lease_plan").update();
            return lines;
        });

        assertThat(String.join("\n", plan)).contains("Index Scan using message_due_pending").doesNotContain("Sort");
    }

    @Test
    void theSendersLeaseIsPlannedOnceForAllItsBatchesNotAtEachBatch() {
        // texts held for quiet hours, known to the statistics: what a plan for any time expects to wait
        database.inTransaction(() -> database.jdbc().sql("""
                insert into message (id, lead_id, purpose, kind, channel, state, due_at, created_at)
                select gen_random_uuid(), gen_random_uuid(), 'held', 'CONFIRMATION', 'TEXT', 'DEFERRED',
                :later + g * interval '1 s', :now from generate_series(1, 3000) g""")
                .param("later", SqlValues.utc(NOW.plus(Duration.ofDays(10)))).param("now", SqlValues.utc(NOW)).update());
        database.inTransaction(() -> database.jdbc().sql("analyze message").update());
        Instant at = NOW.plusSeconds(7200);
        for (int batch = 0; batch < 20; batch++) {
            UUID lead = UUID.randomUUID();
            List<Message> due = List.of(planned(lead, "x", MessageKind.CONFIRMATION, null),
                    planned(lead, "y", MessageKind.REVIEW_DONE, null));
            database.inTransaction(() -> messages.addAll(due));
            List<Message> leased = database.inTransaction(() -> messages.lease(at, at.plusSeconds(60), 20));
            assertThat(leased).extracting(Message::id).contains(due.get(0).id(), due.get(1).id());
            database.inTransaction(() -> messages.finish(due.stream()
                    .map(m -> new Messages.Finish(m.id(), Channel.EMAIL, MessageState.SENT, at, null, "p")).toList()));
        }

        // the pool has one connection, so this reads the statement the leases were prepared as (pgjdbc
        // prepares it on the server from its fifth use; PostgreSQL plans its first five runs for their values)
        List<Integer[]> plans = database.inTransaction(() -> database.jdbc().sql("""
                select generic_plans, custom_plans from pg_prepared_statements
                where statement like 'update message set leased_until%'""")
                .query((row, n) -> new Integer[] {row.getInt(1), row.getInt(2)}).list());
        assertThat(plans).as("one server-prepared lease").hasSize(1);
        assertThat(plans.get(0)[0]).as("batches run on the one plan for any time").isGreaterThanOrEqualTo(5);
        assertThat(plans.get(0)[1]).as("batches planned for their own time").isLessThanOrEqualTo(5);
    }

    private static Message planned(UUID lead, String purpose, MessageKind kind, String by) {
        return Messages.planned(lead, purpose, kind, Channel.EMAIL, MessageState.PENDING, NOW, by);
    }
}
