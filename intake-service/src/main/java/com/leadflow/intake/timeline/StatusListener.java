package com.leadflow.intake.timeline;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.platform.consumer.IdempotentConsumer;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Projects {@code leads.status} into the timeline, each event once; the change is announced to
 * the live streams only after it committed.
 */
@Component
class StatusListener {

    private static final Logger log = LoggerFactory.getLogger(StatusListener.class);

    private final IdempotentConsumer idempotent;
    private final Timeline timeline;
    private final LeadChanges changes;

    StatusListener(IdempotentConsumer idempotent, Timeline timeline, LeadChanges changes) {
        this.idempotent = idempotent;
        this.timeline = timeline;
        this.changes = changes;
    }

    @KafkaListener(topics = "leads.status", groupId = "intake-service")
    void on(ConsumerRecord<String, LeadStatusChanged> record) {
        AtomicReference<LeadChange> applied = new AtomicReference<>();
        boolean fresh = idempotent.applyOnceBlocking("intake-timeline", record,
                () -> timeline.apply(record.value()).doOnNext(applied::set));
        if (fresh && applied.get() != null) {
            log.info("Lead {} stage {} reported {}", applied.get().leadId(), applied.get().stage(), applied.get().status());
            changes.published(applied.get());
        }
    }
}
