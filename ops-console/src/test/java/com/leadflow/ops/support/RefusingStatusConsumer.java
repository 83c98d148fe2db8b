package com.leadflow.ops.support;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.platform.consumer.IdempotentConsumer;
import com.leadflow.platform.kafka.EventRejectedException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.kafka.annotation.KafkaListener;
import reactor.core.publisher.Mono;

/**
 * A consumer of {@code leads.status} as the services write them: it applies each event id once
 * (the platform's {@link IdempotentConsumer}) and, while {@link #refuse} is set, rejects every
 * event, which the platform sends to {@code leads.status.dlt}. What it applied is listed, in order.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RefusingStatusConsumer {

    public static final String GROUP = "replay-test-consumer";

    public final AtomicBoolean refuse = new AtomicBoolean();
    public final List<String> applied = new CopyOnWriteArrayList<>();
    private final IdempotentConsumer once;

    public RefusingStatusConsumer(IdempotentConsumer once) {
        this.once = once;
    }

    @KafkaListener(id = GROUP, topics = "leads.status")
    void on(ConsumerRecord<String, LeadStatusChanged> record) {
        if (refuse.get()) {
            throw new EventRejectedException("The test consumer refuses events for now");
        }
        once.applyOnceBlocking(GROUP, record, () -> Mono.fromRunnable(() -> applied.add(record.key())));
    }

    /** How often the event of this lead was applied. */
    public long appliedFor(String leadId) {
        return applied.stream().filter(leadId::equals).count();
    }
}
