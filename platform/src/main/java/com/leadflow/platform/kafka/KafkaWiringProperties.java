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
 */
@ConfigurationProperties("leadflow.kafka")
public record KafkaWiringProperties(
        String registryUrl,
        @DefaultValue("true") boolean autoRegisterSchemas,
        @DefaultValue("3") int partitions,
        @DefaultValue("true") boolean createTopics,
        @DefaultValue Retry retry) {

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
