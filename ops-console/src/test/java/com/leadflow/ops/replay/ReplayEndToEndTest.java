package com.leadflow.ops.replay;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.ops.overview.OpsSampler;
import com.leadflow.ops.support.ConsoleApi;
import com.leadflow.ops.support.OpsConsoleIntegrationTest;
import com.leadflow.ops.support.RefusingStatusConsumer;
import com.leadflow.ops.support.TestLeads;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.schemas.Topics;
import com.leadflow.test.TopicProbe;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A status event that a consumer refused while a condition held lands in the dead-letter topic;
 * once the condition clears, ops replay it through the console: it is applied exactly once, a
 * second replay of the same dead letter applies nothing, the audit says who, why and where it
 * went, and the cap parks it instead of sending it a third time.
 */
@OpsConsoleIntegrationTest
class ReplayEndToEndTest {

    @Autowired
    WebTestClient http;
    @Autowired
    OpsSampler sampler;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Autowired
    RefusingStatusConsumer consumer;
    @Autowired
    DatabaseClient db;
    @Autowired
    Admin admin;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void aRefusedEventIsReplayedOnceAppliedOnceAuditedAndParkedAfterTheCap() throws Exception {
        var api = new ConsoleApi(http, sampler);
        String leadId = TestLeads.newLeadId();
        var event = TestLeads.record(Topics.LEADS_STATUS, leadId, TestLeads.reviewQueued(leadId));
        String eventId = EventHeaders.read(event.headers(), EventHeaders.EVENT_ID).orElseThrow();
        String correlationId = EventHeaders.read(event.headers(), EventHeaders.CORRELATION_ID).orElseThrow();

        consumer.refuse.set(true);
        kafka.send(event).get();
        try (var deadLetters = TopicProbe.raw(brokers, "leads.status.dlt");
                var status = TopicProbe.raw(brokers, Topics.LEADS_STATUS.name())) {
            ConsumerRecord<String, byte[]> deadLetter = deadLetters.await(r -> leadId.equals(r.key()), Duration.ofSeconds(30));
            byte[] originalBytes = status.await(r -> leadId.equals(r.key()), Duration.ofSeconds(10)).value();
            consumer.refuse.set(false);
            assertThat(consumer.appliedFor(leadId)).isZero();

            // the inbox lists it under its original topic, group and reason
            api.awaitState(state -> state.deadLetters().groups().stream().anyMatch(g ->
                    g.originalTopic().equals("leads.status") && g.group().equals(RefusingStatusConsumer.GROUP)
                            && g.reason().equals("Rejected: The test consumer refuses events for now") && g.waiting() >= 1),
                    Duration.ofSeconds(30));
            Map<String, Object> named = Map.of("deadLetters", List.of(Map.of("topic", "leads.status.dlt",
                    "partition", deadLetter.partition(), "offset", deadLetter.offset())));

            // the dry run sends nothing
            Map<String, Object> plan = api.postJson("/api/replays/dry-run", named, 200);
            assertThat(plan).containsEntry("toReplay", 1).containsEntry("toPark", 0);
            long endBefore = endOffset(Topics.LEADS_STATUS.name(), deadLetter.key());
            assertThat(planItem(plan)).containsEntry("replayCount", 1).containsEntry("action", "REPLAY");

            // a replay needs a reason
            api.post("/api/replays", Map.of("planId", plan.get("planId"), "reason", " ")).exchange()
                    .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("reason");

            Map<String, Object> outcome = api.postJson("/api/replays",
                    Map.of("planId", plan.get("planId"), "reason", "The consumer's condition has cleared"), 201);
            assertThat(outcome).containsEntry("replayed", 1).containsEntry("result", "DONE");
            Map<String, Object> sent = outcomeItem(outcome);
            assertThat(((Number) sent.get("newOffset")).longValue()).isEqualTo(endBefore);
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> consumer.appliedFor(leadId) == 1);

            // the replayed record: same key, same bytes, same event and correlation ids, replay headers instead of the dead-letter ones
            ConsumerRecord<String, byte[]> replayed = status.awaitCount(r -> leadId.equals(r.key()), 2, Duration.ofSeconds(10)).get(1);
            assertThat(replayed.value()).isEqualTo(originalBytes);
            assertThat(TopicProbe.header(replayed, EventHeaders.EVENT_ID)).isEqualTo(eventId);
            assertThat(TopicProbe.header(replayed, EventHeaders.CORRELATION_ID)).isEqualTo(correlationId);
            assertThat(TopicProbe.header(replayed, ReplayHeaders.REPLAYED_BY)).isEqualTo("olive");
            assertThat(TopicProbe.header(replayed, ReplayHeaders.REPLAY_COUNT)).isEqualTo("1");
            assertThat(TopicProbe.header(replayed, ReplayHeaders.REPLAY_OF))
                    .isEqualTo("leads.status.dlt/" + deadLetter.partition() + "@" + deadLetter.offset());
            assertThat(replayed.headers()).noneMatch(h -> h.key().startsWith("kafka_dlt-") || h.key().equals(EventHeaders.DLT_REASON));

            // the same dead letter again: sent, and the consumer applies nothing
            Map<String, Object> again = api.postJson("/api/replays/dry-run", named, 200);
            assertThat(planItem(again)).containsEntry("timesReplayed", 1).containsEntry("replayCount", 2);
            Map<String, Object> second = api.postJson("/api/replays",
                    Map.of("planId", again.get("planId"), "reason", "Checking that a repeat changes nothing"), 201);
            Map<String, Object> secondSent = outcomeItem(second);
            assertThat(secondSent).containsEntry("result", "REPLAYED");
            awaitGroupPast(Topics.LEADS_STATUS.name(), ((Number) secondSent.get("newPartition")).intValue(),
                    ((Number) secondSent.get("newOffset")).longValue());
            assertThat(consumer.appliedFor(leadId)).isEqualTo(1);

            // the cap (2 here): a third time it is parked, not sent
            Map<String, Object> third = api.postJson("/api/replays/dry-run", named, 200);
            assertThat(third).containsEntry("toReplay", 0).containsEntry("toPark", 1);
            long endBeforeThird = endOffset(Topics.LEADS_STATUS.name(), deadLetter.key());
            Map<String, Object> parked = api.postJson("/api/replays",
                    Map.of("planId", third.get("planId"), "reason", "One more time"), 201);
            assertThat(parked).containsEntry("replayed", 0).containsEntry("parked", 1);
            assertThat(endOffset(Topics.LEADS_STATUS.name(), deadLetter.key())).isEqualTo(endBeforeThird);

            // the audit: who, why, when, which record, where it went
            List<Map<String, Object>> audit = db.sql("""
                            select r.actor, r.reason, r.requested_at, r.result as run_result, d.result, d.new_offset,
                                d.event_id, d.lead_id
                            from replay r join replay_record d on d.replay_id = r.id
                            where d.lead_id = :leadId order by r.requested_at""")
                    .bind("leadId", leadId).fetch().all().collectList().block();
            assertThat(audit).hasSize(3);
            assertThat(audit.get(0)).containsEntry("actor", "olive")
                    .containsEntry("reason", "The consumer's condition has cleared")
                    .containsEntry("result", "REPLAYED").containsEntry("event_id", eventId);
            assertThat(((Number) audit.get(0).get("new_offset")).longValue()).isEqualTo(endBefore);
            assertThat(audit.get(0).get("requested_at")).isNotNull();
            assertThat(audit.get(2)).containsEntry("result", "PARKED").containsEntry("run_result", "PARKED");
            assertThat(audit.get(2).get("new_offset")).isNull();
            api.get("/api/replays").exchange().expectStatus().isOk().expectBody()
                    .jsonPath("$[0].reason").isEqualTo("One more time");
        }
    }

    @Test
    void aReplayWithoutADryRunOrWithAnUnknownPlanIsRefused() {
        var api = new ConsoleApi(http, sampler);
        api.post("/api/replays", Map.of("reason", "no plan")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("planId");
        api.post("/api/replays", Map.of("planId", "not-a-plan", "reason", "bad plan")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("planId");
        api.post("/api/replays", Map.of("planId", java.util.UUID.randomUUID().toString(), "reason", "old plan")).exchange()
                .expectStatus().isEqualTo(409);
        api.post("/api/replays/dry-run", Map.of("deadLetters", List.of(Map.of("topic", "leads.status.dlt",
                        "partition", 0, "offset", 999_999)))).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("deadLetters[0]");
        api.post("/api/replays/dry-run", Map.of("group", "someone")).exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].field").isEqualTo("originalTopic");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> planItem(Map<String, Object> plan) {
        return ((List<Map<String, Object>>) plan.get("items")).get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> outcomeItem(Map<String, Object> outcome) {
        return ((List<Map<String, Object>>) outcome.get("items")).get(0);
    }

    private long endOffset(String topic, String key) throws Exception {
        int partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions().size();
        var tp = new TopicPartition(topic, com.leadflow.ops.trace.LeadTracer.partitionFor(
                key.getBytes(java.nio.charset.StandardCharsets.UTF_8), partitions));
        return admin.listOffsets(Map.of(tp, org.apache.kafka.clients.admin.OffsetSpec.latest())).all().get().get(tp).offset();
    }

    private void awaitGroupPast(String topic, int partition, long offset) {
        var tp = new TopicPartition(topic, partition);
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> {
            var committed = admin.listConsumerGroupOffsets(RefusingStatusConsumer.GROUP).partitionsToOffsetAndMetadata()
                    .get().get(tp);
            return committed != null && committed.offset() > offset;
        });
    }
}
