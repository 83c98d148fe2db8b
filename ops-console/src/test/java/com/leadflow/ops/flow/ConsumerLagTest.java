package com.leadflow.ops.flow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.leadflow.ops.flow.FlowSnapshot.GroupLag;
import com.leadflow.ops.overview.OpsSampler;
import com.leadflow.ops.overview.OpsState;
import com.leadflow.ops.support.ConsoleApi;
import com.leadflow.ops.support.OpsConsoleIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * A consumer that stops reading: the console's lag in seconds is now minus the time of the record
 * it would read next (as of the sample), it is flagged stuck after the stall time, and once it
 * catches up its lag is 0 and the flag goes.
 */
@OpsConsoleIntegrationTest
class ConsumerLagTest {

    @Autowired
    WebTestClient http;
    @Autowired
    OpsSampler sampler;
    @Autowired
    Admin admin;
    @Value("${spring.kafka.bootstrap-servers}")
    String brokers;

    @Test
    void aPausedConsumersLagInSecondsGrowsIsFlaggedStuckAndReturnsToZeroWhenItCatchesUp() throws Exception {
        var api = new ConsoleApi(http, sampler);
        String topic = "lag-test-" + UUID.randomUUID().toString().substring(0, 8);
        String group = "paused-reader";
        admin.createTopics(List.of(new NewTopic(topic, 1, (short) 1))).all().get();
        TopicPartition partition = new TopicPartition(topic, 0);

        RecordMetadata first;
        try (var producer = producer()) {
            first = producer.send(new ProducerRecord<>(topic, "lead-1", "one")).get();
            producer.send(new ProducerRecord<>(topic, "lead-2", "two")).get();
        }
        try (var consumer = consumer(group)) {
            // the group has read nothing yet: it committed offset 0 and then stopped
            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(0)));

            OpsState lagging = api.awaitState(state -> lag(state, group, topic)
                    .filter(lag -> lag.lagRecords() == 2 && lag.lagSeconds() >= 1).isPresent(), Duration.ofSeconds(30));
            GroupLag lag = lag(lagging, group, topic).orElseThrow();
            Instant produced = Instant.ofEpochMilli(first.timestamp());
            // exactly the age of the next record when the sample was taken ...
            double atSample = Duration.between(produced, lagging.flow().sampledAt()).toMillis() / 1000.0;
            assertThat(lag.lagSeconds()).isCloseTo(atSample, within(0.001));
            // ... so it is behind the truth only by the sample's age (an interval, and the time a sample takes)
            double now = Duration.between(produced, Instant.now()).toMillis() / 1000.0;
            double sampleAge = Duration.between(lagging.flow().sampledAt(), Instant.now()).toMillis() / 1000.0;
            assertThat(lag.lagSeconds()).isLessThanOrEqualTo(now).isCloseTo(now - sampleAge, within(0.01));
            assertThat(lag.partitions().get(0).nextRecordAt()).isEqualTo(Instant.ofEpochMilli(first.timestamp()));

            OpsState stuck = api.awaitState(state -> lag(state, group, topic).filter(GroupLag::stalled).isPresent(),
                    Duration.ofSeconds(30));
            assertThat(Duration.between(lag(stuck, group, topic).orElseThrow().unchangedSince(), stuck.sampledAt()))
                    .isGreaterThanOrEqualTo(Duration.ofSeconds(3));
            assertThat(stuck.alerts()).anySatisfy(alert -> {
                assertThat(alert.name()).isEqualTo("LeadflowConsumerStalled");
                assertThat(alert.state()).isEqualTo("firing");
                assertThat(alert.subjects()).contains(group + " on " + topic);
            });
            String metrics = api.getText("/actuator/prometheus");
            assertThat(metrics).containsPattern("leadflow_ops_consumer_stalled\\{group=\"" + group + "\",topic=\"" + topic + "\"} 1");
            assertThat(metrics).contains("leadflow_ops_consumer_lag_seconds{group=\"" + group + "\",topic=\"" + topic + "\"}");

            consumer.commitSync(Map.of(partition, new OffsetAndMetadata(2)));
            OpsState caughtUp = api.awaitState(state -> lag(state, group, topic)
                    .filter(l -> l.lagRecords() == 0).isPresent(), Duration.ofSeconds(30));
            GroupLag done = lag(caughtUp, group, topic).orElseThrow();
            assertThat(done.lagSeconds()).isZero();
            assertThat(done.stalled()).isFalse();
        }
    }

    private static Optional<GroupLag> lag(OpsState state, String group, String topic) {
        return state.flow().groups().stream().filter(g -> g.group().equals(group) && g.topic().equals(topic)).findFirst();
    }

    private KafkaProducer<String, String> producer() {
        return new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers),
                new StringSerializer(), new StringSerializer());
    }

    private KafkaConsumer<String, String> consumer(String group) {
        return new KafkaConsumer<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, brokers,
                ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
                new StringDeserializer(), new StringDeserializer());
    }
}
