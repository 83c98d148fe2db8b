package com.leadflow.intake.timeline;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.platform.consumer.IdempotentConsumer;
import com.leadflow.platform.correlation.Correlation;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.platform.kafka.EventRejectedException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

/**
 * Projects {@code leads.status} into the timeline, each event once, a whole poll per transaction:
 * with three services reporting on every lead, intake receives three reports per lead and must
 * not fall behind them. Changes are announced to the live streams only after they committed.
 *
 * <p>A record that can never apply (unreadable, no lead id, a lead intake does not know) splits the
 * poll: the records before it are applied and committed, it goes to the dead-letter topic with
 * its reason, and the records after it are delivered again.
 */
@Component
class StatusListener {

    static final String CONSUMER = "intake-timeline";

    private static final Logger log = LoggerFactory.getLogger(StatusListener.class);
    private static final LogAccessor LOG_ACCESSOR = new LogAccessor(StatusListener.class);
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private final IdempotentConsumer idempotent;
    private final Timeline timeline;
    private final LeadChanges changes;

    StatusListener(IdempotentConsumer idempotent, Timeline timeline, LeadChanges changes) {
        this.idempotent = idempotent;
        this.timeline = timeline;
        this.changes = changes;
    }

    @KafkaListener(topics = "leads.status", groupId = "intake-service", batch = "true")
    void on(List<ConsumerRecord<String, LeadStatusChanged>> records) {
        Map<ConsumerRecord<String, LeadStatusChanged>, Timeline.Step> steps = new HashMap<>();
        int usable = 0;
        RuntimeException rejection = null;
        for (; usable < records.size(); usable++) {
            ConsumerRecord<String, LeadStatusChanged> record = records.get(usable);
            RuntimeException unreadable = SerializationUtils.getExceptionFromHeader(record,
                    SerializationUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
            if (unreadable == null && record.value() == null) {
                unreadable = new EventRejectedException("the record has no value");
            }
            if (unreadable != null) {
                rejection = unreadable;
                break;
            }
            try {
                steps.put(record, Timeline.report(record.value()));
            } catch (EventRejectedException rejected) {
                rejection = rejected;
                break;
            }
        }
        Set<UUID> unknown = Objects.requireNonNull(timeline.unknown(
                steps.values().stream().map(Timeline.Step::leadId).toList()).block(TIMEOUT));
        for (int i = 0; i < usable; i++) {
            if (unknown.contains(steps.get(records.get(i)).leadId())) {
                usable = i;
                rejection = new EventRejectedException("leadId names no lead known to intake");
                break;
            }
        }
        List<ConsumerRecord<String, LeadStatusChanged>> applied = idempotent.applyEachOnceBlocking(CONSUMER,
                records.subList(0, usable), fresh -> timeline.record(fresh.stream().map(steps::get).toList()));
        for (ConsumerRecord<String, LeadStatusChanged> record : applied) {
            announce(record, steps.get(record));
        }
        if (rejection != null) {
            throw new BatchListenerFailedException("Record " + usable + " of the batch cannot be applied", rejection,
                    usable);
        }
    }

    private void announce(ConsumerRecord<String, LeadStatusChanged> record, Timeline.Step step) {
        MDC.put(Correlation.MDC_KEY, EventHeaders.read(record.headers(), EventHeaders.CORRELATION_ID).orElse(null));
        try {
            log.info("Lead {} stage {} reported {}", step.leadId(), step.stage(), step.status());
        } finally {
            MDC.remove(Correlation.MDC_KEY);
        }
        changes.published(step.change());
    }
}
