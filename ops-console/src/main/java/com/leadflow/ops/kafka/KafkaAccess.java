package com.leadflow.ops.kafka;

import com.leadflow.platform.kafka.KafkaWiringAutoConfiguration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;

/**
 * The console's own clients. Its consumers have no group: they are assigned partitions and
 * seek, so they never show up among the groups they watch, and they commit nothing.
 */
public class KafkaAccess {

    private final KafkaProperties kafka;
    // client ids must be unique in a JVM, or Kafka warns about its metrics beans
    private final AtomicInteger clients = new AtomicInteger();

    public KafkaAccess(KafkaProperties kafka) {
        this.kafka = kafka;
    }

    public Map<String, Object> adminConfig() {
        Map<String, Object> config = new HashMap<>(kafka.buildAdminProperties());
        config.putIfAbsent("client.id", "ops-console-admin");
        return config;
    }

    /** Keys as text, values reduced to {@link ValueFacts}: for looking at records, never at their content. */
    public KafkaConsumer<String, ValueFacts> metadataConsumer() {
        return new KafkaConsumer<>(consumerConfig(), new StringDeserializer(), new ValueFacts.Reader());
    }

    /** Keys and values as the bytes on the wire: only for replaying a dead letter to its topic. */
    public KafkaConsumer<byte[], byte[]> rawConsumer() {
        return new KafkaConsumer<>(consumerConfig(), new ByteArrayDeserializer(), new ByteArrayDeserializer());
    }

    /** Sends bytes as they are, with the reliability every leadflow producer has. */
    public KafkaProducer<byte[], byte[]> rawProducer() {
        Map<String, Object> config = new HashMap<>(kafka.buildProducerProperties());
        config.keySet().removeIf(key -> key.startsWith("apicurio."));
        config.putAll(KafkaWiringAutoConfiguration.reliableProducerConfig());
        config.put(ProducerConfig.CLIENT_ID_CONFIG, "ops-console-replay-" + clients.incrementAndGet());
        return new KafkaProducer<>(config, new ByteArraySerializer(), new ByteArraySerializer());
    }

    private Map<String, Object> consumerConfig() {
        Map<String, Object> config = new HashMap<>();
        Map<String, Object> base = kafka.buildConsumerProperties();
        for (String key : new String[] {"bootstrap.servers", "security.protocol", "sasl.mechanism", "sasl.jaas.config"}) {
            if (base.containsKey(key)) {
                config.put(key, base.get(key));
            }
        }
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "none");
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 200);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        // metadata, not content: small fetches
        config.put(ConsumerConfig.MAX_PARTITION_FETCH_BYTES_CONFIG, 64 * 1024);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, "ops-console-reader-" + clients.incrementAndGet());
        return config;
    }
}
