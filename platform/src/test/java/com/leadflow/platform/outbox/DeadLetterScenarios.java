package com.leadflow.platform.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.platform.PlatformTestApplication.AppliedEvents;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.schemas.Topics;
import com.leadflow.test.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.transaction.reactive.TransactionalOperator;

/** Records that can never be processed end on the dead-letter topic, and the records after them still flow. */
abstract class DeadLetterScenarios {

    private static final Duration WAIT = Duration.ofSeconds(45);
    private static final String DLT = Topics.LEADS_STATUS.deadLetterTopic();

    @Autowired Outbox outbox;
    @Autowired TransactionalOperator tx;
    @Autowired DatabaseClient db;
    @Autowired AppliedEvents applied;
    @Autowired org.springframework.kafka.core.KafkaTemplate<String, Object> kafka;
    @Value("${spring.kafka.bootstrap-servers}") String brokers;

    @Test
    void aRecordThatCannotBeDeserializedIsDeadLetteredWithTheReasonAndTheNextOneIsProcessed() {
        String leadId = "lead-" + UUID.randomUUID();
        byte[] garbage = "{\"firstName\":\"Jane\"} is not Avro".getBytes(StandardCharsets.UTF_8);
        try (var producer = new KafkaProducer<String, byte[]>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new ByteArraySerializer())) {
            producer.send(new ProducerRecord<>(Topics.LEADS_STATUS.name(), leadId, garbage)).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        recordFollowUp(leadId);

        try (var dlt = TopicProbe.raw(brokers, DLT)) {
            ConsumerRecord<String, byte[]> dead = dlt.await(r -> leadId.equals(r.key()), WAIT);
            assertThat(dead.value()).as("the original bytes are kept").isEqualTo(garbage);
            assertThat(TopicProbe.header(dead, EventHeaders.DLT_REASON)).startsWith("The value could not be deserialized");
            assertThat(TopicProbe.header(dead, "kafka_dlt-original-topic")).isEqualTo(Topics.LEADS_STATUS.name());
            assertNoPatientDataInHeaders(dead);
        }
        Awaitility.await().atMost(WAIT).until(() -> applied.countFor(leadId).block() == 1);
    }

    @Test
    void aRecordWhoseHandlerAlwaysFailsIsRetriedThenDeadLetteredAndTheNextOneIsProcessed() {
        String leadId = "lead-" + UUID.randomUUID();
        tx.transactional(outbox.record(Topics.LEADS_STATUS, leadId, TestEvents.status(leadId, "poison"))).block();
        recordFollowUp(leadId);

        try (var dlt = TopicProbe.raw(brokers, DLT)) {
            ConsumerRecord<String, byte[]> dead = dlt.await(r -> leadId.equals(r.key()), WAIT);
            assertThat(TopicProbe.header(dead, EventHeaders.DLT_REASON))
                    .isEqualTo("Processing failed with java.lang.IllegalStateException after all retries");
            assertThat(TopicProbe.header(dead, "kafka_dlt-exception-fqcn")).isNotBlank();
            assertThat(TopicProbe.header(dead, EventHeaders.EVENT_ID)).isNotBlank();
            assertNoPatientDataInHeaders(dead);
        }
        Awaitility.await().atMost(WAIT).until(() -> applied.countFor(leadId).block() == 1);
    }

    @Test
    void aRejectedEventGoesStraightToTheDeadLetterTopicWithItsReason() {
        String leadId = "lead-" + UUID.randomUUID();
        tx.transactional(outbox.record(Topics.LEADS_STATUS, leadId, TestEvents.status(leadId, "reject"))).block();

        try (var dlt = TopicProbe.raw(brokers, DLT)) {
            ConsumerRecord<String, byte[]> dead = dlt.await(r -> leadId.equals(r.key()), WAIT);
            assertThat(TopicProbe.header(dead, EventHeaders.DLT_REASON)).isEqualTo("Rejected: summary asks to be rejected");
        }
    }

    @Test
    void aTombstoneIsDeadLetteredAtOnceAsHavingNoValueAndTheNextRecordIsProcessed() {
        String leadId = "lead-" + UUID.randomUUID();
        send(leadId, null);
        recordFollowUp(leadId);

        try (var dlt = TopicProbe.raw(brokers, DLT)) {
            ConsumerRecord<String, byte[]> dead = dlt.await(r -> leadId.equals(r.key()), WAIT);
            // rejected on sight, not "failed with NullPointerException after all retries"
            assertThat(TopicProbe.header(dead, EventHeaders.DLT_REASON))
                    .isEqualTo("Rejected: The record has no value (a tombstone); leads.status carries LeadStatusChanged events");
        }
        Awaitility.await().atMost(WAIT).until(() -> applied.countFor(leadId).block() == 1);
    }

    @Test
    void anEventOfAnotherTypeIsDeadLetteredAtOnceNamingBothTypes() {
        String leadId = "lead-" + UUID.randomUUID();
        send(leadId, com.leadflow.events.ImagingAttached.newBuilder().setLeadId(leadId)
                .setAttachedAt(java.time.Instant.now())
                .setImaging(com.leadflow.events.ImagingReference.newBuilder().setImagingId("img-1")
                        .setFormat(com.leadflow.events.ImagingFormat.DICOM).setSizeBytes(1)
                        .setUploadedAt(java.time.Instant.now()).setSha256("0".repeat(64)).build())
                .build());
        recordFollowUp(leadId);

        try (var dlt = TopicProbe.raw(brokers, DLT)) {
            ConsumerRecord<String, byte[]> dead = dlt.await(r -> leadId.equals(r.key()), WAIT);
            assertThat(TopicProbe.header(dead, EventHeaders.DLT_REASON))
                    .isEqualTo("Rejected: The value is not a LeadStatusChanged event but a ImagingAttached");
        }
        Awaitility.await().atMost(WAIT).until(() -> applied.countFor(leadId).block() == 1);
    }

    /** A record written past the outbox, as a tool or a misbehaving producer would. */
    private void send(String leadId, Object value) {
        var record = new org.apache.kafka.clients.producer.ProducerRecord<String, Object>(Topics.LEADS_STATUS.name(),
                leadId, value);
        EventHeaders.write(record.headers(), EventHeaders.EVENT_ID, UUID.randomUUID().toString());
        try {
            kafka.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void recordFollowUp(String leadId) {
        tx.transactional(outbox.record(Topics.LEADS_STATUS, leadId, TestEvents.status(leadId, "the next record"))).block();
    }

    private static void assertNoPatientDataInHeaders(ConsumerRecord<String, byte[]> dead) {
        for (Header header : dead.headers()) {
            String text = new String(header.value(), StandardCharsets.UTF_8);
            assertThat(text).as("header %s", header.key()).doesNotContain("Jane").doesNotContain("1961-04-12");
        }
    }
}
