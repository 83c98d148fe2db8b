package com.leadflow.platform.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param relayEnabled whether this instance runs a relay (any number of instances may)
 * @param pollInterval how often the relay looks for rows it was not woken for (written by
 *     another instance, left by a crash, or a batch the broker did not take); rows this instance
 *     writes wake it and are published at once, so this is a backstop, not the publishing latency
 * @param batchSize rows published per relay transaction
 * @param sendTimeout how long the relay waits for the broker to acknowledge a batch
 * @param minBatchInterval the least time between the starts of two of a relay's batches when it is
 *     woken: a wake-up sooner after the last batch waits for the rest of it, so that the events
 *     committed meanwhile go out as one batch (and every consumer downstream fetches, applies and
 *     commits them together). A relay whose last batch is older sends at once, so at low rates nothing
 *     waits; a batch that comes back full is followed by the next at once. 0 (the default) never waits
 *
 * <p>There is no retention any more: the relay deletes each row in the transaction that publishes
 * it. A {@code leadflow.outbox.retention} left in a deployment's settings is ignored, as any
 * property this record does not name.
 */
@ConfigurationProperties("leadflow.outbox")
public record OutboxProperties(
        @DefaultValue("true") boolean relayEnabled,
        @DefaultValue("2s") Duration pollInterval,
        @DefaultValue("200") int batchSize,
        @DefaultValue("30s") Duration sendTimeout,
        @DefaultValue("0ms") Duration minBatchInterval) {
}
