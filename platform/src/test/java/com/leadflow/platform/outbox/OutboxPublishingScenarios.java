package com.leadflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.platform.PlatformTestApplication.AppliedEvents;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.schemas.Topics;
import com.leadflow.test.ApicurioRegistryServer;
import com.leadflow.test.TopicProbe;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/** The outbox and relay as a service uses them, against a real broker, the registry and PostgreSQL. */
abstract class OutboxPublishingScenarios {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @Autowired Outbox outbox;
    @Autowired TransactionalOperator tx;
    @Autowired DatabaseClient db;
    @Autowired AppliedEvents applied;
    @Autowired KafkaTemplate<String, Object> kafka;
    @Autowired OutboxRelay relay;
    @Autowired OutboxBacklog backlog;
    @Autowired io.micrometer.core.instrument.MeterRegistry meters;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;

    @Test
    void anEventWrittenInATransactionArrivesOnceInConfluentFramingAndDecodesToTheSameValues() throws Exception {
        String leadId = "lead-" + UUID.randomUUID();
        LeadStatusChanged event = TestEvents.status(leadId, "queued for review");

        UUID eventId = tx.transactional(db.sql("insert into test_note (id, content) values (:id, 'note')")
                        .bind("id", leadId).then()
                        .then(outbox.record(Topics.LEADS_STATUS, leadId, event)))
                .block();

        try (var raw = TopicProbe.raw(brokers, Topics.LEADS_STATUS.name());
                var decoded = TopicProbe.of(brokers, Topics.LEADS_STATUS)) {
            ConsumerRecord<String, byte[]> wire = raw.await(r -> leadId.equals(r.key()), WAIT);
            ByteBuffer bytes = ByteBuffer.wrap(wire.value());
            assertThat(bytes.get()).as("magic byte").isZero();
            int schemaId = bytes.getInt();
            HttpResponse<String> schema = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(ApicurioRegistryServer.get().ccompatUrl() + "/schemas/ids/" + schemaId)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(schema.statusCode()).isEqualTo(200);
            assertThat(schema.body()).contains("LeadStatusChanged");
            assertThat(TopicProbe.header(wire, EventHeaders.EVENT_ID)).isEqualTo(eventId.toString());
            assertThat(TopicProbe.header(wire, EventHeaders.SOURCE)).isEqualTo("platform-test-app");

            ConsumerRecord<String, LeadStatusChanged> read = decoded.await(r -> leadId.equals(r.key()), WAIT);
            assertThat(read.value()).isEqualTo(event);

            awaitPublished(eventId);
            // a marker committed after the event shows the relay has moved past it
            String marker = "marker-" + UUID.randomUUID();
            tx.transactional(outbox.record(Topics.LEADS_STATUS, leadId, TestEvents.status(leadId, marker))).block();
            raw.await(r -> leadId.equals(r.key()) && new String(r.value()).contains(marker), WAIT);
            assertThat(raw.records()).filteredOn(r -> eventId.toString().equals(TopicProbe.header(r, EventHeaders.EVENT_ID)))
                    .hasSize(1);
        }
    }

    @Test
    void aRolledBackTransactionPublishesNothing() {
        String leadId = "lead-" + UUID.randomUUID();
        Mono<Void> failing = db.sql("insert into test_note (id, content) values (:id, 'note')").bind("id", leadId).then()
                .then(outbox.record(Topics.LEADS_STATUS, leadId, TestEvents.status(leadId, "rolled back")))
                .then(Mono.error(new IllegalStateException("business rule failed after recording")));
        tx.transactional(failing).onErrorResume(e -> Mono.empty()).block();
        tx.transactional(outbox.record(Topics.LEADS_STATUS, leadId, TestEvents.status(leadId, "committed"))).block();

        try (var probe = TopicProbe.of(brokers, Topics.LEADS_STATUS)) {
            // same key, same partition: the committed event comes after anything recorded before it
            probe.await(r -> leadId.equals(r.key()) && r.value().getSummary().equals("committed"), WAIT);
            assertThat(probe.records()).filteredOn(r -> leadId.equals(r.key()))
                    .extracting(r -> r.value().getSummary()).containsExactly("committed");
        }
        assertThat(db.sql("select count(*) as n from test_note where id = :id").bind("id", leadId)
                .map(row -> row.get("n", Long.class)).one().block()).isZero();
    }

    @Test
    void theEventsOfOneTransactionArePublishedEachOnceInTheOrderTheyWereRecorded() {
        String leadId = "lead-" + UUID.randomUUID();
        // more than one multi-row statement holds (64), and chunks of every size after it
        int events = 64 + 16 + 4 + 1 + 1;
        tx.transactional(reactor.core.publisher.Flux.range(0, events)
                .concatMap(n -> outbox.record(Topics.LEADS_STATUS, leadId, TestEvents.status(leadId, "event-" + n)))
                .then()).block();

        try (var probe = TopicProbe.of(brokers, Topics.LEADS_STATUS)) {
            var published = probe.awaitCount(r -> leadId.equals(r.key()), events, WAIT);
            assertThat(published).extracting(r -> r.value().getSummary())
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, events).mapToObj(n -> "event-" + n).toList());
        }
    }

    @Test
    void recordingOutsideATransactionIsRefused() {
        String leadId = "lead-" + UUID.randomUUID();
        assertThat(outbox.record(Topics.LEADS_STATUS, leadId, TestEvents.status(leadId, "no tx"))
                .map(id -> "recorded").onErrorResume(IllegalStateException.class, e -> Mono.just("refused")).block())
                .isEqualTo("refused");
    }

    @Test
    void aRedeliveredEventIsAppliedOnce() {
        String leadId = "lead-" + UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        for (int delivery = 0; delivery < 3; delivery++) {
            send(leadId, eventId, TestEvents.status(leadId, "delivered more than once"));
        }
        send(leadId, UUID.randomUUID().toString(), TestEvents.status(leadId, "next event"));

        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> applied.countFor(leadId).block() == 2);
        assertThat(db.sql("select summary from applied_event where lead_id = :l order by id").bind("l", leadId)
                .map(row -> row.get("summary", String.class)).all().collectList().block())
                .containsExactly("delivered more than once", "next event");
    }

    @Test
    void theBacklogGaugesCountWhatTheRelayHasNotPublishedYetAndHowOldTheOldestIs() {
        relay.stop();
        try {
            String leadId = "lead-" + UUID.randomUUID();
            UUID eventId = tx.transactional(outbox.record(Topics.LEADS_STATUS, leadId, TestEvents.status(leadId, "waits")))
                    .block();
            backlog.count().block();
            assertThat(backlog.pending()).isGreaterThanOrEqualTo(1);
            assertThat(meters.get("leadflow.outbox.pending").gauge().value()).isEqualTo((double) backlog.pending());
            org.awaitility.Awaitility.await().atMost(WAIT)
                    .until(() -> meters.get("leadflow.outbox.oldest.age").timeGauge().value(java.util.concurrent.TimeUnit.SECONDS) > 0);

            relay.start();
            awaitPublished(eventId);
            backlog.count().block();
            assertThat(backlog.pending()).isZero();
            assertThat(backlog.oldestAgeSeconds()).isZero();
        } finally {
            if (!relay.isRunning()) {
                relay.start();
            }
        }
    }

    private void send(String key, String eventId, LeadStatusChanged value) {
        var record = new ProducerRecord<String, Object>(Topics.LEADS_STATUS.name(), key, value);
        EventHeaders.write(record.headers(), EventHeaders.EVENT_ID, eventId);
        kafka.send(record).join();
    }

    /** The relay deletes a row in the transaction that publishes it: once it is gone, the broker has it. */
    private void awaitPublished(UUID eventId) {
        org.awaitility.Awaitility.await().atMost(WAIT).until(() -> db.sql(
                        "select count(*) as n from outbox_event where event_id = :id").bind("id", eventId)
                .map(row -> row.get("n", Long.class)).one().block() == 0);
    }
}
