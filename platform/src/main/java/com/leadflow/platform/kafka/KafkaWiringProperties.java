package com.leadflow.platform.kafka;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How every service talks to Kafka and the schema registry.
 *
 * @param registryUrl Apicurio's native API, e.g. {@code http://localhost:8090/apis/registry/v3}
 * @param autoRegisterSchemas whether producers may register a new schema version (the registry's
 *     compatibility rule still refuses an incompatible one)
 * @param partitions partitions of each catalog topic this service creates if missing
 * @param createTopics whether the service creates the catalog topics and their dead-letter topics
 * @param retry blocking retry of a record whose handler failed with a transient error
 * @param commitInterval how often a listener commits the offsets of what it applied: every poll's own commit
 *     was a broker round trip and a record in {@code __consumer_offsets} per poll, about eight per lead; the
 *     events are applied once by their ids, so after a crash the few applied since the last commit are read
 *     again and left out, and a rebalance or a stop commits first. Short, because consumer lag (what ops and
 *     the benchmark read as the backlog) counts what was applied but not yet committed: at most five commits a
 *     second per listener, and the lag at most a fifth of a second's records above the truth
 */
@ConfigurationProperties("leadflow.kafka")
public record KafkaWiringProperties(
        String registryUrl,
        @DefaultValue("true") boolean autoRegisterSchemas,
        @DefaultValue("3") int partitions,
        @DefaultValue("true") boolean createTopics,
        @DefaultValue Retry retry,
        @DefaultValue("200ms") Duration commitInterval) {

    /**
     * @param initialInterval wait before the first retry
     * @param multiplier growth of the wait per attempt
     * @param maxInterval the longest wait between attempts
     * @param maxAttempts deliveries in all, the first included, before the record goes to the dead-letter topic
     */
    public record Retry(
            @DefaultValue("200ms") Duration initialInterval,
            @DefaultValue("2.0") double multiplier,
            @DefaultValue("5s") Duration maxInterval,
            @DefaultValue("5") int maxAttempts) {
    }
}
