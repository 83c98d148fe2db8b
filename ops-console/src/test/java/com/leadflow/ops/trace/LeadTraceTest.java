package com.leadflow.ops.trace;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.ops.overview.OpsSampler;
import com.leadflow.ops.support.ConsoleApi;
import com.leadflow.ops.support.OpsConsoleIntegrationTest;
import com.leadflow.ops.support.TestLeads;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.platform.tracing.TraceParent;
import com.leadflow.schemas.Topics;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.clients.producer.internals.BuiltInPartitioner;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * "Where is this lead?": its records on leads.submitted and leads.status in time order, with
 * each group's position: a group that read past the submission but not yet the status report.
 */
@OpsConsoleIntegrationTest
class LeadTraceTest {

    @Autowired
    WebTestClient http;
    @Autowired
    OpsSampler sampler;
    @Autowired
    KafkaTemplate<String, Object> kafka;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    @SuppressWarnings("unchecked")
    void aLeadsRecordsAreListedInOrderWithWhereEachGroupStands() throws Exception {
        var api = new ConsoleApi(http, sampler);
        String leadId = TestLeads.newLeadId();
        String otherLead = TestLeads.newLeadId();
        Instant before = Instant.now();
        kafka.send(TestLeads.record(Topics.LEADS_SUBMITTED, otherLead, TestLeads.submitted(otherLead))).get();
        RecordMetadata submitted = kafka.send(TestLeads.record(Topics.LEADS_SUBMITTED, leadId, TestLeads.submitted(leadId)))
                .get().getRecordMetadata();
        var statusRecord = TestLeads.record(Topics.LEADS_STATUS, leadId, TestLeads.reviewQueued(leadId));
        // the relay names the publishing service; leads.status has three writers
        EventHeaders.write(statusRecord.headers(), EventHeaders.SOURCE, "review-service");
        // the trace the relay's publish span carries on: one trace per submission, across the services
        String traceId = "4bf92f3577b34da6a3ce929d0e0e4736";
        EventHeaders.write(statusRecord.headers(), TraceParent.HEADER, "00-" + traceId + "-00f067aa0ba902b7-01");
        RecordMetadata status = kafka.send(statusRecord).get().getRecordMetadata();

        // a group that has read the lead's submission, and not yet its status report
        String group = "trace-test-reader";
        try (var reader = new KafkaConsumer<>(Map.<String, Object>of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, group), new ByteArrayDeserializer(), new ByteArrayDeserializer())) {
            reader.commitSync(Map.of(
                    new TopicPartition(submitted.topic(), submitted.partition()), new OffsetAndMetadata(submitted.offset() + 1),
                    new TopicPartition(status.topic(), status.partition()), new OffsetAndMetadata(status.offset())));
        }
        api.awaitState(state -> state.flow().groups().stream().filter(g -> g.group().equals(group)).count() == 2,
                Duration.ofSeconds(30));

        Map<String, Object> trace = api.get("/api/trace?leadId=" + leadId + "&from=" + before.minusSeconds(5))
                .exchange().expectStatus().isOk().expectBody(Map.class).returnResult().getResponseBody();
        List<Map<String, Object>> steps = (List<Map<String, Object>>) trace.get("steps");
        assertThat(steps).extracting(step -> step.get("topic")).containsExactly("leads.submitted", "leads.status");
        assertThat(steps.get(0)).containsEntry("partition", submitted.partition())
                .containsEntry("offset", (int) submitted.offset())
                .containsEntry("eventType", "com.leadflow.events.LeadSubmitted")
                .containsEntry("reporter", "intake-service");
        assertThat(steps.get(0).get("correlationId")).asString().startsWith("corr-");
        assertThat((Map<String, Boolean>) steps.get(0).get("groups")).containsEntry(group, true);
        assertThat(steps.get(1)).containsEntry("eventType", "com.leadflow.events.LeadStatusChanged")
                .containsEntry("reporter", "review-service")
                .containsEntry("traceId", traceId);
        assertThat((Map<String, Boolean>) steps.get(1).get("groups")).containsEntry(group, false);
        assertThat(Instant.parse((String) steps.get(0).get("at"))).isBeforeOrEqualTo(Instant.parse((String) steps.get(1).get("at")));
    }

    @Test
    void aTraceNamesTheFieldItCannotUse() {
        var api = new ConsoleApi(http, sampler);
        api.get("/api/trace?leadId=").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("leadId");
        api.get("/api/trace?leadId=a%20b%3Cscript%3E").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].rule").isEqualTo("format");
        api.get("/api/trace?leadId=x&from=yesterday").exchange().expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("from");
        api.get("/api/trace?leadId=x&from=2020-01-01T00:00:00Z&to=2026-01-01T00:00:00Z").exchange()
                .expectStatus().isBadRequest().expectBody().jsonPath("$.errors[0].rule").isEqualTo("max-window");
    }

    @Test
    void theLeadsPartitionIsTheOneKafkasDefaultPartitionerPicks() {
        for (String key : List.of("a", "lead-42", TestLeads.newLeadId(), TestLeads.newLeadId())) {
            byte[] bytes = key.getBytes(StandardCharsets.UTF_8);
            for (int partitions : new int[] {1, 2, 3, 12}) {
                assertThat(LeadTracer.partitionFor(bytes, partitions))
                        .isEqualTo(BuiltInPartitioner.partitionForKey(bytes, partitions));
            }
        }
    }
}
