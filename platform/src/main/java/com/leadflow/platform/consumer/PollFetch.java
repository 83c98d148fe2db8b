package com.leadflow.platform.consumer;

import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.clients.consumer.ConsumerConfig;

/**
 * How long the broker may hold a fetch of the service's poll listener to gather records: it answers
 * once {@code minBytes} are waiting or after {@code maxWait}, whichever comes first. Off by default
 * (one byte: a fetch returns with the first record that arrives, and an idle one after
 * {@code spring.kafka.consumer.fetch-max-wait}).
 *
 * <p>Why a service sets it: with one byte, a listener that keeps up fetches once per record that
 * arrives, so each record is a fetch for the broker, a poll, a transaction and a claim for the
 * service, and an outbox batch for what it emits. Gathered, the records of {@code maxWait} come as
 * one poll. What it costs: up to {@code maxWait} more on each record this listener reads while
 * fewer than {@code minBytes} are waiting (at low rates, every record), and an idle listener fetches
 * once per {@code maxWait} instead of once per {@code fetch-max-wait}. So a service sets it by how
 * much of a lead's time its hop may take and what its idle fetches cost: outreach, whose messages are
 * not a stage anyone waits on, gathers 100 ms; a listener gathering 10 ms cost about 0.05 cores idle on
 * two cores, more than it saved at 100 leads/s, so no listener a stage waits on gathers (README).
 *
 * @param minBytes the bytes a fetch gathers before the broker answers; 1: off
 * @param maxWait the longest the broker holds a fetch for them; null: the service's {@code fetch-max-wait}
 */
public record PollFetch(int minBytes, Duration maxWait) {

    public PollFetch {
        minBytes = Math.max(1, minBytes);
        if (maxWait != null && (maxWait.isNegative() || maxWait.isZero())) {
            throw new IllegalArgumentException("leadflow.consumer.fetch-max-wait must be positive");
        }
    }

    public static PollFetch off() {
        return new PollFetch(1, null);
    }

    /** The listener's consumer settings that override the service's, or null when there are none. */
    Properties consumerProperties() {
        if (minBytes == 1 && maxWait == null) {
            return null;
        }
        Properties properties = new Properties();
        properties.setProperty(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, Integer.toString(minBytes));
        if (maxWait != null) {
            properties.setProperty(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, Long.toString(maxWait.toMillis()));
        }
        return properties;
    }
}
