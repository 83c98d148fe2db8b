package com.leadflow.platform.kafka;

import com.leadflow.schemas.Topic;
import com.leadflow.schemas.Topics;
import io.apicurio.registry.serde.avro.AvroKafkaDeserializer;
import io.apicurio.registry.serde.avro.AvroSerdeConfig;
import io.apicurio.registry.resolver.config.SchemaResolverConfig;
import io.apicurio.registry.serde.config.SerdeConfig;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.kafka.autoconfigure.KafkaAutoConfiguration;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.kafka.annotation.EnableKafka;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.core.ProducerFactory;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.HeaderNames.HeadersToAdd;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.ExponentialBackOffWithMaxRetries;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.kafka.support.serializer.ErrorHandlingDeserializer;

/**
 * The Kafka wiring every service shares, written once: Avro values through Apicurio's serdes in
 * Confluent framing, producers that never lose an acknowledged record, consumers that survive a
 * record they cannot read, and a dead-letter topic per source topic.
 *
 * <p>A record whose handler fails is retried with exponential backoff; one that can never
 * succeed (it cannot be deserialized, or its handler threw {@link EventRejectedException}) goes
 * to {@code <topic>.dlt} at once. The dead letter keeps the original key and value and gets the
 * exception's class and a PHI-free reason in its headers; the exception message and stack trace,
 * which may quote patient data, are left out.
 */
@AutoConfiguration(before = KafkaAutoConfiguration.class)
@EnableKafka
@EnableConfigurationProperties(KafkaWiringProperties.class)
public class KafkaWiringAutoConfiguration {

    /**
     * The Vert.x instance the serdes talk to the registry with. Without one, each serde falls back
     * to a shared default instance that the first serde to close shuts down, after which no
     * serde in the process can reach the registry; this one lives exactly as long as the context.
     */
    @Bean(destroyMethod = "close")
    @ConditionalOnMissingBean
    public Vertx registryClientVertx() {
        return Vertx.vertx();
    }

    @Bean
    @ConditionalOnMissingBean(ProducerFactory.class)
    public DefaultKafkaProducerFactory<String, Object> kafkaProducerFactory(
            KafkaProperties kafka, KafkaWiringProperties wiring, Vertx registryClientVertx) {
        Map<String, Object> config = new LinkedHashMap<>(kafka.buildProducerProperties());
        config.putAll(registryConfig(wiring, registryClientVertx));
        config.put(SerdeConfig.AUTO_REGISTER_ARTIFACT, wiring.autoRegisterSchemas());
        // the topic's subject gets the whole schema, as a Confluent serializer registers it: no subject per
        // nested type, no references a reader must resolve before it can decode a record
        config.put(SchemaResolverConfig.DEREFERENCE_SCHEMA, true);
        config.putAll(reliableProducerConfig());
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        // Apicurio's serializer, asked once per topic and event type rather than per record
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, RegisteredSchemaSerializer.class);
        return new DefaultKafkaProducerFactory<>(config);
    }

    @Bean
    @ConditionalOnMissingBean(KafkaTemplate.class)
    public KafkaTemplate<String, Object> kafkaTemplate(ProducerFactory<String, Object> producerFactory) {
        return new KafkaTemplate<>(producerFactory);
    }

    @Bean
    @ConditionalOnMissingBean(ConsumerFactory.class)
    public DefaultKafkaConsumerFactory<String, Object> kafkaConsumerFactory(
            KafkaProperties kafka, KafkaWiringProperties wiring, Vertx registryClientVertx) {
        Map<String, Object> config = new LinkedHashMap<>(kafka.buildConsumerProperties());
        config.putAll(registryConfig(wiring, registryClientVertx));
        config.put(AvroSerdeConfig.USE_SPECIFIC_AVRO_READER, true);
        // a record's reader found without recomputing its schema's fingerprint
        config.put(AvroSerdeConfig.AVRO_DATUM_PROVIDER, CachedReaderDatumProvider.class.getName());
        // a new consumer group reads a topic from its start: no lead is skipped
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ErrorHandlingDeserializer.class);
        config.put(ErrorHandlingDeserializer.KEY_DESERIALIZER_CLASS, StringDeserializer.class);
        config.put(ErrorHandlingDeserializer.VALUE_DESERIALIZER_CLASS, AvroKafkaDeserializer.class);
        return new DefaultKafkaConsumerFactory<>(config);
    }

    @Bean
    @ConditionalOnMissingBean(name = "kafkaListenerContainerFactory")
    public ConcurrentKafkaListenerContainerFactory<String, Object> kafkaListenerContainerFactory(
            ConsumerFactory<String, Object> consumerFactory, DefaultErrorHandler leadflowErrorHandler,
            KafkaWiringProperties wiring) {
        var factory = new ConcurrentKafkaListenerContainerFactory<String, Object>();
        factory.setConsumerFactory(consumerFactory);
        factory.setCommonErrorHandler(leadflowErrorHandler);
        commitOnTime(factory.getContainerProperties(), wiring);
        factory.setContainerCustomizer(ListenerTags::add);
        return factory;
    }

    @Bean
    @ConditionalOnMissingBean
    public DefaultErrorHandler leadflowErrorHandler(
            KafkaProperties kafka, KafkaTemplate<String, Object> avroTemplate, KafkaWiringProperties wiring) {
        // a record that failed to deserialize is dead-lettered as the bytes it arrived with
        Map<String, Object> bytesConfig = new LinkedHashMap<>(kafka.buildProducerProperties());
        bytesConfig.putAll(reliableProducerConfig());
        // keys usually deserialized fine (they are lead ids) while the value did not
        var keySerializer = new DelegatingByTypeSerializer(Map.of(
                String.class, new StringSerializer(), byte[].class, new ByteArraySerializer()));
        var bytesTemplate = new KafkaTemplate<Object, byte[]>(
                new DefaultKafkaProducerFactory<>(bytesConfig, keySerializer, new ByteArraySerializer()));

        Map<Class<?>, KafkaOperations<?, ?>> templates = new LinkedHashMap<>();
        templates.put(byte[].class, bytesTemplate);
        templates.put(Object.class, avroTemplate);
        var recoverer = new DeadLetterPublishingRecoverer(templates,
                (record, failure) -> new TopicPartition(record.topic() + ".dlt", -1));
        recoverer.excludeHeader(HeadersToAdd.EX_MSG, HeadersToAdd.EX_STACKTRACE);
        recoverer.addHeadersFunction((record, failure) -> {
            var headers = new RecordHeaders();
            EventHeaders.write(headers, EventHeaders.DLT_REASON, DeadLetterReason.describe(failure));
            return headers;
        });

        KafkaWiringProperties.Retry retry = wiring.retry();
        var backOff = new ExponentialBackOffWithMaxRetries(Math.max(0, retry.maxAttempts() - 1));
        backOff.setInitialInterval(retry.initialInterval().toMillis());
        backOff.setMultiplier(retry.multiplier());
        backOff.setMaxInterval(retry.maxInterval().toMillis());
        var handler = new DefaultErrorHandler(recoverer, backOff);
        handler.addNotRetryableExceptions(EventRejectedException.class);
        return handler;
    }

    @Bean
    @ConditionalOnProperty(name = "leadflow.kafka.create-topics", havingValue = "true", matchIfMissing = true)
    public KafkaAdmin.NewTopics leadflowTopics(KafkaWiringProperties wiring) {
        List<org.apache.kafka.clients.admin.NewTopic> topics = new ArrayList<>();
        for (Topic<String, ?> topic : Topics.ALL) {
            topics.add(TopicBuilder.name(topic.name()).partitions(wiring.partitions()).build());
            topics.add(TopicBuilder.name(topic.deadLetterTopic()).partitions(1).build());
        }
        return new KafkaAdmin.NewTopics(topics.toArray(org.apache.kafka.clients.admin.NewTopic[]::new));
    }

    /**
     * Offsets committed every {@code commit-interval} rather than after every poll (see
     * {@link KafkaWiringProperties#commitInterval}). A listener's poll returns at least that often (and at
     * least once a second) while idle, so what it applied last is committed soon even when nothing more
     * arrives. Public for services with listener factories of their own.
     */
    public static void commitOnTime(ContainerProperties container, KafkaWiringProperties wiring) {
        container.setAckMode(ContainerProperties.AckMode.TIME);
        container.setAckTime(wiring.commitInterval().toMillis());
        container.setPollTimeout(Math.min(1_000, Math.max(100, wiring.commitInterval().toMillis())));
    }

    static Map<String, Object> registryConfig(KafkaWiringProperties wiring, Vertx vertx) {
        if (wiring.registryUrl() == null || wiring.registryUrl().isBlank()) {
            throw new IllegalStateException("leadflow.kafka.registry-url is not set");
        }
        // a schema id's schema never changes, so a cached lookup need not be refreshed every 30 s
        // (Apicurio's default, a blocking registry call on the thread that (de)serializes): once a
        // day is plenty; while the registry cannot answer, the serdes keep the one they have
        // instead of failing every record, which a consumer would dead-letter
        return Map.of(SerdeConfig.REGISTRY_URL, wiring.registryUrl(), SerdeConfig.VERTX_INSTANCE, vertx,
                SerdeConfig.FAULT_TOLERANT_REFRESH, true,
                SerdeConfig.CHECK_PERIOD_MS, Duration.ofDays(1).toMillis());
    }

    /**
     * acks=all and idempotence: an acknowledged record is on every in-sync replica, once, in order.
     * Public for services that produce to topics of their own with other serializers.
     */
    public static Map<String, Object> reliableProducerConfig() {
        return Map.of(
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, 5,
                ProducerConfig.LINGER_MS_CONFIG, 1);
    }
}
