package com.leadflow.insurance.config;

import com.leadflow.insurance.check.AttemptStore;
import com.leadflow.insurance.check.CheckAttemptListener;
import com.leadflow.insurance.check.CheckAttempts;
import com.leadflow.insurance.check.CheckQueue;
import com.leadflow.insurance.check.CheckStore;
import com.leadflow.insurance.check.CoverageStore;
import com.leadflow.insurance.check.PayerCall;
import com.leadflow.insurance.check.StalledCheckSweep;
import com.leadflow.insurance.eligibility.RetryPolicy;
import com.leadflow.platform.kafka.EventRejectedException;
import com.leadflow.platform.kafka.KafkaWiringAutoConfiguration;
import com.leadflow.platform.kafka.KafkaWiringProperties;
import com.leadflow.platform.outbox.Outbox;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The checks topic and its retry topics. Their records hold a check id and an attempt number in
 * plain JSON (no PHI, no schema), so they have their own String producer and consumers; the
 * platform's Avro wiring is left as it is. The producer and consumer factories are deliberately
 * not beans: the platform's Avro ones are created only when no other bean of their type exists.
 *
 * <p>Retries follow {@code leadflow.insurance.retry}: one retry topic per backoff step
 * ({@code insurance.checks-retry-0}, {@code -retry-1}, ...; the longest wait reuses one topic),
 * as many attempts as the backoffs fit in the window, never past the window from the first
 * attempt, then {@code insurance.checks-dlt}.
 */
@Configuration(proxyBeanMethods = false)
public class CheckTopicConfiguration {

    static final String LISTENER_BEAN = "checkAttemptListener";

    /** Not a ProducerFactory bean (see above); the queue closes it. */
    @Bean(destroyMethod = "close")
    CheckQueue checkQueue(KafkaProperties kafka) {
        Map<String, Object> config = new LinkedHashMap<>(kafka.buildProducerProperties());
        config.putAll(KafkaWiringAutoConfiguration.reliableProducerConfig());
        return new CheckQueue(new KafkaTemplate<>(
                new DefaultKafkaProducerFactory<>(config, new StringSerializer(), new StringSerializer())));
    }

    /** Consumers for the checks topic and its retry and dead-letter topics. */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, String> checkListenerFactory(KafkaProperties kafka,
            InsuranceProperties properties) {
        Map<String, Object> config = new LinkedHashMap<>(kafka.buildConsumerProperties());
        config.put(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        // Kafka's default, not the platform's idle long poll: a retry topic pauses a partition until
        // the record's backoff ends, and a consumer cannot fetch the resumed partition while another
        // fetch of its is waiting at the broker, so a long wait would delay every retry by as much
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
        // the classic group protocol, not the platform's consumer group protocol: with the latter a
        // resumed retry partition was read again 1.3-1.9 s after its backoff instead of 0.5 s (measured
        // side by side in EligibilityFlowIntegrationTest); with it, the same 6 s session as the others
        config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2000);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, String>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
                new StringDeserializer()));
        factory.setConcurrency(properties.worker().concurrency());
        return factory;
    }

    @Bean
    RetryTopicConfiguration checkRetryTopics(InsuranceProperties properties, KafkaWiringProperties wiring,
            CheckQueue checkQueue, ConcurrentKafkaListenerContainerFactory<String, String> checkListenerFactory) {
        RetryPolicy policy = properties.retry().policy();
        return RetryTopicConfigurationBuilder.newInstance()
                .includeTopic(CheckQueue.TOPIC)
                .maxAttempts(policy.maxAttempts())
                .exponentialBackoff(policy.initialBackoff().toMillis(), policy.multiplier(),
                        policy.maxBackoff().toMillis())
                .timeoutAfter(policy.window().toMillis())
                .retryTopicSuffix("-retry")
                .dltSuffix("-dlt")
                .suffixTopicsWithIndexValues()
                .useSingleTopicForSameIntervals()
                .notRetryOn(List.of(EventRejectedException.class, CheckAttemptListener.RetryWindowSpent.class))
                .autoCreateTopicsWith(wiring.partitions(), (short) -1)
                .listenerFactory(checkListenerFactory)
                .concurrency(properties.worker().concurrency())
                .dltHandlerMethod(LISTENER_BEAN, "onDeadLetter")
                .create(checkQueue.template());
    }

    @Bean
    CheckAttempts checkAttempts(CheckStore checks, AttemptStore attempts, CoverageStore coverages,
            PayerCall payerCall, Outbox outbox, TransactionalOperator tx, InsuranceProperties properties, Clock clock) {
        return new CheckAttempts(checks, attempts, coverages, payerCall, outbox, tx, properties, clock);
    }

    @Bean(LISTENER_BEAN)
    CheckAttemptListener checkAttemptListener(CheckAttempts checkAttempts, InsuranceProperties properties) {
        return new CheckAttemptListener(checkAttempts, properties.callTimeout());
    }

    @Bean
    @ConditionalOnProperty(name = "leadflow.insurance.worker.enabled", havingValue = "true", matchIfMissing = true)
    StalledCheckSweep stalledCheckSweep(CheckStore checks, CheckQueue checkQueue, InsuranceProperties properties,
            Clock clock) {
        return new StalledCheckSweep(checks, checkQueue, properties.worker(), clock);
    }
}
