package com.leadflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.platform.PlatformTestApplication.AppliedEvents;
import com.leadflow.platform.db.RelayDatabase;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.schemas.Topics;
import com.leadflow.test.LeadflowIntegrationTest;
import com.leadflow.test.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.context.TestPropertySource;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Relays driven by hand (the context's own relay is off): a relay that dies between publishing
 * and its commit, a broker that does not take a batch, a relay that spaces its batches, and two relays
 * working one outbox at once.
 */
@LeadflowIntegrationTest
@TestPropertySource(properties = "leadflow.outbox.relay-enabled=false")
class OutboxRelayFailureTest {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired Outbox outbox;
    @Autowired TransactionalOperator tx;
    @Autowired DatabaseClient db;
    @Autowired RelayDatabase relayDb;
    @Autowired KafkaTemplate<String, Object> kafka;
    @Autowired AppliedEvents applied;
    @Autowired OutboxRelaySignal signal;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;

    private final OutboxProperties properties = new OutboxProperties(false, Duration.ofSeconds(1), 50,
            Duration.ofSeconds(20), Duration.ZERO);

    @Test
    void aRelayKilledBetweenPublishingAndCommittingIsRepublishedAndStillAppliedOnce() {
        String leadId = "lead-" + UUID.randomUUID();
        UUID eventId = tx.transactional(outbox.record(Topics.LEADS_STATUS, leadId,
                TestEvents.status(leadId, "survives a crash"))).block();

        OutboxRelay crashing = new OutboxRelay(relayDb.dataSource(), kafka, new OutboxRelaySignal(), properties) {
            @Override
            protected Mono<Void> confirmPublished(List<OutboxRow> rows) {
                return Mono.error(new IllegalStateException("relay process died before its commit"));
            }
        };
        assertThat(crashing.publishBatch().map(n -> "published").onErrorReturn("crashed").block()).isEqualTo("crashed");
        assertThat(rowsOf(eventId)).as("the batch's delete rolled back with it").isEqualTo(1);

        OutboxRelay restarted = new OutboxRelay(relayDb.dataSource(), kafka, new OutboxRelaySignal(), properties);
        assertThat(restarted.drain().block()).isGreaterThanOrEqualTo(1);
        assertThat(rowsOf(eventId)).as("published and acknowledged: gone").isZero();

        try (var probe = TopicProbe.of(brokers, Topics.LEADS_STATUS)) {
            List<ConsumerRecord<String, LeadStatusChanged>> copies = probe.awaitCount(r -> leadId.equals(r.key()), 2, WAIT);
            assertThat(copies).extracting(r -> TopicProbe.header(r, EventHeaders.EVENT_ID)).containsOnly(
                    TopicProbe.header(copies.get(0), EventHeaders.EVENT_ID));
        }
        // both copies were consumed; the event was applied once
        String marker = "lead-" + UUID.randomUUID();
        tx.transactional(outbox.record(Topics.LEADS_STATUS, leadId, TestEvents.status(leadId, "after the crash"))).block();
        restarted.drain().block();
        Awaitility.await().atMost(WAIT).until(() -> applied.countFor(leadId).block() == 2);
        assertThat(db.sql("select summary from applied_event where lead_id = :l order by id").bind("l", leadId)
                .map(row -> row.get("summary", String.class)).all().collectList().block())
                .containsExactly("survives a crash", "after the crash");
    }

    @Test
    void aBatchTheBrokerDidNotAcknowledgeStaysInTheOutboxUntilARelayPublishesIt() {
        String leadId = "lead-" + UUID.randomUUID();
        UUID eventId = tx.transactional(outbox.record(Topics.LEADS_STATUS, leadId,
                TestEvents.status(leadId, "waits for the broker"))).block();

        OutboxRelay unacknowledged = new OutboxRelay(relayDb.dataSource(), kafka, new OutboxRelaySignal(), properties) {
            @Override
            protected Mono<Void> publish(List<OutboxRow> rows) {
                return Mono.error(new IllegalStateException("the broker did not acknowledge the batch within PT20S"));
            }
        };
        assertThat(unacknowledged.publishBatch().map(n -> "published").onErrorReturn("failed").block()).isEqualTo("failed");
        assertThat(rowsOf(eventId)).isEqualTo(1);

        OutboxRelay next = new OutboxRelay(relayDb.dataSource(), kafka, new OutboxRelaySignal(), properties);
        next.drain().block();
        assertThat(rowsOf(eventId)).isZero();
        try (var probe = TopicProbe.of(brokers, Topics.LEADS_STATUS)) {
            assertThat(TopicProbe.header(probe.await(r -> leadId.equals(r.key()), WAIT), EventHeaders.EVENT_ID))
                    .isEqualTo(eventId.toString());
        }
    }

    @Test
    void withAMinimumBatchIntervalEventsCommittedSoonAfterABatchGoOutTogetherWhenItEnds() {
        Duration interval = Duration.ofSeconds(2);
        OutboxProperties spaced = new OutboxProperties(true, Duration.ofMinutes(5), 50, Duration.ofSeconds(20), interval);
        String run = "lead-" + UUID.randomUUID();
        List<List<String>> batches = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<Long> batchTimes = new java.util.concurrent.CopyOnWriteArrayList<>();
        OutboxRelay relay = new OutboxRelay(relayDb.dataSource(), kafka, signal, spaced) {
            @Override
            protected Mono<Void> confirmPublished(List<OutboxRow> rows) {
                List<String> ours = rows.stream().map(OutboxRow::key).filter(key -> key.startsWith(run)).toList();
                if (!ours.isEmpty()) {
                    batches.add(ours);
                    batchTimes.add(System.nanoTime());
                }
                return super.confirmPublished(rows);
            }
        };
        relay.start();
        try {
            UUID first = tx.transactional(outbox.record(Topics.LEADS_STATUS, run + "-a", TestEvents.status(run, "a"))).block();
            Awaitility.await().atMost(WAIT).until(() -> rowsOf(first) == 0);
            // woken within the interval after that batch: both wait for its end, and go as one batch
            tx.transactional(outbox.record(Topics.LEADS_STATUS, run + "-b", TestEvents.status(run, "b"))).block();
            UUID third = tx.transactional(outbox.record(Topics.LEADS_STATUS, run + "-c", TestEvents.status(run, "c"))).block();
            Awaitility.await().atMost(WAIT).until(() -> rowsOf(third) == 0);

            assertThat(batches).containsExactly(List.of(run + "-a"), List.of(run + "-b", run + "-c"));
            assertThat(Duration.ofNanos(batchTimes.get(1) - batchTimes.get(0)))
                    .isGreaterThan(interval.minus(Duration.ofMillis(500)));
        } finally {
            relay.stop();
        }
    }

    @Test
    void twoRelaysOnOneOutboxPublishEveryEventInOrderPerKey() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        List<String> keys = List.of("a", "b", "c", "d", "e").stream().map(k -> "lead-" + run + "-" + k).toList();
        int perKey = 40;
        OutboxRelay first = new OutboxRelay(relayDb.dataSource(), kafka, new OutboxRelaySignal(), properties);
        OutboxRelay second = new OutboxRelay(relayDb.dataSource(), kafka, new OutboxRelaySignal(), properties);

        // events keep being committed while both relays drain
        Mono<Void> writer = Flux.range(0, perKey)
                .concatMap(seq -> tx.transactional(Flux.fromIterable(keys)
                        .concatMap(key -> outbox.record(Topics.LEADS_STATUS, key, TestEvents.status(key, "seq-" + seq)))
                        .then()))
                .then();
        Flux<Integer> relays = Flux.merge(
                Flux.range(0, 100).concatMap(i -> first.drain().delaySubscription(Duration.ofMillis(5)))
                        .subscribeOn(Schedulers.parallel()),
                Flux.range(0, 100).concatMap(i -> second.drain().delaySubscription(Duration.ofMillis(5)))
                        .subscribeOn(Schedulers.parallel()));
        Mono.when(writer, relays.then()).block(Duration.ofMinutes(2));
        first.drain().block();

        try (var probe = TopicProbe.of(brokers, Topics.LEADS_STATUS)) {
            List<ConsumerRecord<String, LeadStatusChanged>> all =
                    probe.awaitCount(r -> keys.contains(r.key()), keys.size() * perKey, WAIT);
            Map<String, List<Integer>> sequences = all.stream().collect(Collectors.groupingBy(ConsumerRecord::key,
                    Collectors.mapping(r -> Integer.parseInt(r.value().getSummary().substring(4)), Collectors.toList())));
            List<Integer> expected = java.util.stream.IntStream.range(0, perKey).boxed().toList();
            keys.forEach(key -> assertThat(sequences.get(key)).as("events of %s in order, each once", key).isEqualTo(expected));
        }
        assertThat(db.sql("select count(*) as n from outbox_event where record_key in (:keys)").bind("keys", keys)
                .map(row -> row.get("n", Long.class)).one().block()).as("every published row deleted").isZero();
    }

    private long rowsOf(UUID eventId) {
        return db.sql("select count(*) as n from outbox_event where event_id = :id").bind("id", eventId)
                .map(row -> row.get("n", Long.class)).one().block();
    }
}
