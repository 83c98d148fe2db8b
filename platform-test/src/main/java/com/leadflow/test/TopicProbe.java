package com.leadflow.test;

import com.leadflow.schemas.Topic;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.Deserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.awaitility.Awaitility;

/**
 * Reads a topic from its start, as an independent consumer would, so a test can wait for the
 * records a scenario must produce. Values are decoded through the real registry ({@link #of}) or
 * kept as the raw bytes on the wire ({@link #raw}).
 */
public final class TopicProbe<V> implements AutoCloseable {

    private final KafkaConsumer<String, V> consumer;
    private final List<ConsumerRecord<String, V>> seen = new ArrayList<>();
    private final boolean decoded;

    private TopicProbe(KafkaConsumer<String, V> consumer, String topic, boolean decoded) {
        this.consumer = consumer;
        this.decoded = decoded;
        consumer.subscribe(List.of(topic));
    }

    /** Avro values decoded through the registry into the topic's generated class. */
    public static <V> TopicProbe<V> of(String bootstrapServers, Topic<String, V> topic) {
        Map<String, Object> config = baseConfig(bootstrapServers);
        config.put("apicurio.registry.url", ApicurioRegistryServer.get().registryUrl());
        config.put("apicurio.registry.use-specific-avro-reader", true);
        var values = new SkippingDeserializer<V>(new AvroKafkaDeserializer<>());
        values.configure(config, false);
        var keys = new StringDeserializer();
        return new TopicProbe<>(new KafkaConsumer<>(config, keys, values), topic.name(), true);
    }

    /**
     * The value bytes exactly as they are on the wire (any topic, a dead-letter topic say), tombstones
     * (records without a value) included.
     */
    public static TopicProbe<byte[]> raw(String bootstrapServers, String topic) {
        Map<String, Object> config = baseConfig(bootstrapServers);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        return new TopicProbe<>(new KafkaConsumer<>(config), topic, false);
    }

    private static Map<String, Object> baseConfig(String bootstrapServers) {
        Map<String, Object> config = new java.util.HashMap<>();
        config.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        return config;
    }

    /** Everything read so far, in arrival order. */
    public synchronized List<ConsumerRecord<String, V>> records() {
        poll();
        return List.copyOf(seen);
    }

    /** Waits until a record matches, and returns it. */
    public ConsumerRecord<String, V> await(Predicate<ConsumerRecord<String, V>> match, Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> records().stream().filter(match).findFirst(), Optional::isPresent).orElseThrow();
    }

    /** Waits until at least {@code count} records match, and returns all that match. */
    public List<ConsumerRecord<String, V>> awaitCount(Predicate<ConsumerRecord<String, V>> match, int count,
            Duration timeout) {
        return Awaitility.await().atMost(timeout).pollInterval(Duration.ofMillis(50))
                .until(() -> records().stream().filter(match).toList(), found -> found.size() >= count);
    }

    /** A header's value as text, or null. */
    public static String header(ConsumerRecord<?, ?> record, String name) {
        Header header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private void poll() {
        // records whose value could not be decoded (a test's deliberate garbage) are not the probe's business
        consumer.poll(Duration.ofMillis(100)).forEach(record -> {
            if (!decoded || record.value() != null) {
                seen.add(record);
            }
        });
    }

    /** Reads a value, or null when it cannot be read, so one bad record does not stop the probe. */
    private static final class SkippingDeserializer<T> implements Deserializer<T> {
        private final Deserializer<?> delegate;

        SkippingDeserializer(Deserializer<?> delegate) {
            this.delegate = delegate;
        }

        @Override
        public void configure(Map<String, ?> configs, boolean isKey) {
            delegate.configure(configs, isKey);
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(String topic, byte[] data) {
            try {
                return (T) delegate.deserialize(topic, data);
            } catch (RuntimeException unreadable) {
                return null;
            }
        }

        @Override
        @SuppressWarnings("unchecked")
        public T deserialize(String topic, org.apache.kafka.common.header.Headers headers, byte[] data) {
            try {
                return (T) delegate.deserialize(topic, headers, data);
            } catch (RuntimeException unreadable) {
                return null;
            }
        }

        @Override
        public void close() {
            delegate.close();
        }
    }

    @Override
    public synchronized void close() {
        consumer.close(Duration.ofSeconds(2));
    }
}
