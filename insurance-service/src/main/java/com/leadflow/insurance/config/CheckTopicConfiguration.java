package com.leadflow.insurance.config;

import com.leadflow.platform.tracing.Tracing;
import com.leadflow.insurance.check.AttemptStore;
import com.leadflow.insurance.check.CheckAttemptListener;
import com.leadflow.insurance.check.CheckAttempts;
import com.leadflow.insurance.check.CheckQueue;
import com.leadflow.insurance.check.CheckStore;
import com.leadflow.insurance.check.OutcomeStore;
import com.leadflow.insurance.check.PayerCall;
import com.leadflow.insurance.check.StalledCheckSweep;
import com.leadflow.insurance.eligibility.RetryPolicy;
import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.platform.kafka.EventRejectedException;
import com.leadflow.platform.kafka.KafkaWiringAutoConfiguration;
import com.leadflow.platform.kafka.KafkaWiringProperties;
import com.leadflow.platform.kafka.ListenerTags;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.schemas.Topics;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ConcurrentKafkaListenerContainerFactory;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.retrytopic.RetryTopicConfiguration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationBuilder;
import org.springframework.transaction.reactive.TransactionalOperator;

/**
 * The checks topic and its retry topics. Tickets ({@code EligibilityCheckDue}, ids only) are
 * written through the outbox and read with the platform's Avro wiring; the checks consumers get a
 * factory of their own for their shorter fetch wait and the retry topics' error handling.
 *
 * <p>Retries follow {@code leadflow.insurance.retry}: one retry topic per backoff step
 * ({@code insurance.checks-retry-0}, {@code -retry-1}, ...; the longest wait reuses one topic),
 * as many attempts as the backoffs fit in the window, never past the window from the first
 * attempt, then {@code insurance.checks-dlt}.
 */
@Configuration(proxyBeanMethods = false)
public class CheckTopicConfiguration {

    static final String LISTENER_BEAN = "checkAttemptListener";

    @Bean
    CheckQueue checkQueue(Outbox outbox) {
        return new CheckQueue(outbox);
    }

    /**
     * Consumers for the checks topic and its retry and dead-letter topics: the platform's Avro
     * consumers, but not the platform's listener factory (its error handler would stand in for
     * the retry topics'). Not a ConsumerFactory bean: the platform's is created only when no other
     * bean of its type exists.
     */
    @Bean
    ConcurrentKafkaListenerContainerFactory<String, Object> checkListenerFactory(
            ConsumerFactory<String, Object> consumerFactory, InsuranceProperties properties,
            KafkaWiringProperties wiring) {
        Map<String, Object> config = new LinkedHashMap<>(consumerFactory.getConfigurationProperties());
        // Kafka's default, not the platform's idle long poll: a retry topic pauses a partition until
        // the record's backoff ends, and a consumer cannot fetch the resumed partition while another
        // fetch of its is waiting at the broker, so a long wait would delay every retry by as much
        config.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 500);
        // the classic group protocol, as the platform's consumers now use too, set here for the retry
        // topics' sake whatever the platform's default: with the consumer group protocol a resumed retry
        // partition was read again 1.3-1.9 s after its backoff instead of 0.5 s (measured side by side in
        // EligibilityFlowIntegrationTest); with it, the same 6 s session as the others
        config.put(ConsumerConfig.GROUP_PROTOCOL_CONFIG, "classic");
        config.put(ConsumerConfig.SESSION_TIMEOUT_MS_CONFIG, 6000);
        config.put(ConsumerConfig.HEARTBEAT_INTERVAL_MS_CONFIG, 2000);
        var factory = new ConcurrentKafkaListenerContainerFactory<String, Object>();
        factory.setConsumerFactory(new DefaultKafkaConsumerFactory<>(config));
        factory.setConcurrency(properties.worker().concurrency());
        // offsets every commit-interval, as the platform's listeners commit theirs, not a broker round trip
        // per poll: an attempt is made once by its number (CheckAttempts), so the records a crash replays
        // (at most the last interval's) are left out; a retry topic's backoff seeks back and acknowledges
        // nothing, and a record forwarded to the next topic is acknowledged like one applied
        KafkaWiringAutoConfiguration.commitOnTime(factory.getContainerProperties(), wiring);
        factory.setContainerCustomizer(ListenerTags::add);
        return factory;
    }

    @Bean
    RetryTopicConfiguration checkRetryTopics(InsuranceProperties properties, KafkaWiringProperties wiring,
            KafkaTemplate<String, Object> kafka,
            ConcurrentKafkaListenerContainerFactory<String, Object> checkListenerFactory) {
        RetryPolicy policy = properties.retry().policy();
        return RetryTopicConfigurationBuilder.newInstance()
                .includeTopic(Topics.INSURANCE_CHECKS.name())
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
                .concurrency(properties.worker().retryConcurrency())
                .dltHandlerMethod(LISTENER_BEAN, "onDeadLetter")
                .create(kafka);
    }

    @Bean
    CheckAttempts checkAttempts(CheckStore checks, AttemptStore attempts, OutcomeStore outcomes,
            PayerCall payerCall, Outbox outbox, ConsumerDatabase consumerDatabase, InsuranceProperties properties,
            Clock clock) {
        return new CheckAttempts(checks, attempts, outcomes, payerCall, outbox, consumerDatabase, properties, clock);
    }

    @Bean(LISTENER_BEAN)
    CheckAttemptListener checkAttemptListener(CheckAttempts checkAttempts, Tracing tracing) {
        return new CheckAttemptListener(checkAttempts, tracing);
    }

    @Bean
    @ConditionalOnProperty(name = "leadflow.insurance.worker.enabled", havingValue = "true", matchIfMissing = true)
    StalledCheckSweep stalledCheckSweep(CheckStore checks, CheckQueue checkQueue, TransactionalOperator tx,
            InsuranceProperties properties, Clock clock) {
        return new StalledCheckSweep(checks, checkQueue, tx, properties.worker(), clock);
    }
}
