package com.leadflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.platform.db.RelayDatabase;
import com.leadflow.platform.kafka.EncodedEvent;
import com.leadflow.schemas.Topics;
import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.TopicProbe;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.TestPropertySource;
import reactor.core.publisher.Mono;

/**
 * Outbox rows whose transactions commit out of id order, on the real PostgreSQL: ids come from the
 * table's sequence when a row is inserted, so a transaction that took a lower id can commit after a
 * higher one was claimed and published. The relay's claim starts at a floor
 * ({@link OutboxClaim}); these scenarios hold a writer's transaction open across claims, as a slow
 * request would, and check that its row is still published, and before the events of its lead
 * committed after it.
 */
@LeadflowIntegrationTest
@TestPropertySource(properties = "leadflow.outbox.relay-enabled=false")
class OutboxRelayCommitOrderTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired ConsumerDatabase writers;
    @Autowired RelayDatabase relayDb;
    @Autowired KafkaTemplate<String, Object> kafka;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;

    private final OutboxProperties properties = new OutboxProperties(false, Duration.ofSeconds(1), 50,
            Duration.ofSeconds(20), Duration.ZERO);

    @Test
    void aRowCommittedAfterAHigherIdWasPublishedIsPublishedBeforeItsLeadsLaterEvents() throws Exception {
        String run = UUID.randomUUID().toString().substring(0, 8);
        String slowLead = "lead-" + run + "-slow";
        String otherLead = "lead-" + run + "-other";
        OutboxRelay relay = new OutboxRelay(relayDb.dataSource(), kafka, new OutboxRelaySignal(), properties);
        relay.drain().block();

        try (Connection slow = writers.dataSource().getConnection()) {
            slow.setAutoCommit(false);
            long slowId = insert(slow, slowLead, "first");
            // committed around the open transaction, with higher ids, and published meanwhile
            for (int i = 0; i < 3; i++) {
                long id = insertCommitted(otherLead, "other-" + i);
                assertThat(id).isGreaterThan(slowId);
                assertThat(relay.drain().block()).isEqualTo(1);
            }
            slow.commit();
        }
        long later = insertCommitted(slowLead, "second");
        assertThat(relay.drain().block()).as("the late row and the one after it").isEqualTo(2);

        try (var probe = TopicProbe.of(brokers, Topics.LEADS_STATUS)) {
            List<ConsumerRecord<String, LeadStatusChanged>> slowOnes = probe.awaitCount(r -> slowLead.equals(r.key()), 2, WAIT);
            assertThat(slowOnes).extracting(r -> r.value().getSummary().toString()).containsExactly("first", "second");
            assertThat(probe.awaitCount(r -> otherLead.equals(r.key()), 3, WAIT))
                    .extracting(r -> r.value().getSummary().toString()).containsExactly("other-0", "other-1", "other-2");
        }
        // the writers are read at most every 100 ms: later claims move the floor past what was published
        awaitFloorPast(relay, later);
    }

    @Test
    void aWriterThatRollsBackHoldsTheFloorOnlyUntilItEnds() throws Exception {
        String lead = "lead-" + UUID.randomUUID();
        OutboxRelay relay = new OutboxRelay(relayDb.dataSource(), kafka, new OutboxRelaySignal(), properties);
        relay.drain().block();
        try (Connection abandoned = writers.dataSource().getConnection()) {
            abandoned.setAutoCommit(false);
            insert(abandoned, lead, "never committed");
            insertCommitted(lead, "committed");
            assertThat(relay.drain().block()).isEqualTo(1);
            relay.drain().block();
            abandoned.rollback();
        }
        long next = insertCommitted(lead, "after the rollback");
        assertThat(relay.drain().block()).isEqualTo(1);
        awaitFloorPast(relay, next);

        try (var probe = TopicProbe.of(brokers, Topics.LEADS_STATUS)) {
            assertThat(probe.awaitCount(r -> lead.equals(r.key()), 2, WAIT))
                    .extracting(r -> r.value().getSummary().toString()).containsExactly("committed", "after the rollback");
        }
    }

    @Test
    void aBatchTheRelayRolledBackIsTakenAgainByTheSameRelay() throws Exception {
        String lead = "lead-" + UUID.randomUUID();
        AtomicBoolean brokerDown = new AtomicBoolean();
        OutboxRelay relay = new OutboxRelay(relayDb.dataSource(), kafka, new OutboxRelaySignal(), properties) {
            @Override
            protected Mono<Void> publish(List<OutboxRow> rows) {
                return brokerDown.getAndSet(false) ? Mono.error(new IllegalStateException("the broker did not take the batch"))
                        : super.publish(rows);
            }
        };
        relay.drain().block();
        brokerDown.set(true);
        long id = insertCommitted(lead, "retried");
        assertThat(relay.drain().map(n -> "published").onErrorReturn("failed").block()).isEqualTo("failed");
        assertThat(relay.claimFloor()).as("a rolled back claim leaves the floor").isLessThanOrEqualTo(id);
        assertThat(relay.drain().block()).isEqualTo(1);
        try (var probe = TopicProbe.of(brokers, Topics.LEADS_STATUS)) {
            assertThat(probe.await(r -> lead.equals(r.key()), WAIT).value().getSummary().toString()).isEqualTo("retried");
        }
    }

    private static void awaitFloorPast(OutboxRelay relay, long id) {
        Awaitility.await().atMost(WAIT).pollInterval(Duration.ofMillis(50)).until(() -> {
            relay.drain().block();
            return relay.claimFloor() > id;
        });
    }

    private long insertCommitted(String lead, String summary) throws SQLException {
        try (Connection connection = writers.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            long id = insert(connection, lead, summary);
            connection.commit();
            return id;
        }
    }

    /** Inserts an outbox row as {@link Outbox} writes one, its id from the table's sequence. */
    private static long insert(Connection connection, String lead, String summary) throws SQLException {
        EncodedEvent event = EncodedEvent.of(TestEvents.status(lead, summary));
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into outbox_event (event_id, topic, record_key, value_type, payload)
                values (?, ?, ?, ?, ?) returning id""")) {
            insert.setObject(1, UUID.randomUUID());
            insert.setString(2, Topics.LEADS_STATUS.name());
            insert.setString(3, lead);
            insert.setString(4, event.valueType());
            insert.setBytes(5, event.avroBinary());
            try (ResultSet id = insert.executeQuery()) {
                id.next();
                return id.getLong(1);
            }
        }
    }
}
