package com.leadflow.ops.support;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.consumer.PollHandler;
import com.leadflow.platform.consumer.PollListeners;
import com.leadflow.platform.kafka.EventRejectedException;
import com.leadflow.schemas.Topic;
import com.leadflow.schemas.Topics;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.test.context.TestConfiguration;

/**
 * A consumer of {@code leads.status} as the services write them: a {@link PollHandler}, so the
 * platform applies each event id once, and, while {@link #refuse} is set, it rejects every event,
 * which the platform sends to {@code leads.status.dlt}. What it applied is listed, in order.
 */
@TestConfiguration(proxyBeanMethods = false)
public class RefusingStatusConsumer implements PollHandler<LeadStatusChanged> {

    /** The platform's consumer group of a poll handler is its own, named like its listener. */
    public static final String GROUP = PollListeners.consumerName("ops-console", Topics.LEADS_STATUS);

    public final AtomicBoolean refuse = new AtomicBoolean();
    public final List<String> applied = new CopyOnWriteArrayList<>();

    @Override
    public Topic<String, LeadStatusChanged> topic() {
        return Topics.LEADS_STATUS;
    }

    /** Refused before the transaction: the event is dead-lettered alone and never claimed. */
    @Override
    public boolean wants(Event<LeadStatusChanged> event) {
        if (refuse.get()) {
            throw new EventRejectedException("The test consumer refuses events for now");
        }
        return true;
    }

    @Override
    public void apply(List<Event<LeadStatusChanged>> events) {
        Event.each(events, event -> applied.add(event.key()));
    }

    /** How often the event of this lead was applied. */
    public long appliedFor(String leadId) {
        return applied.stream().filter(leadId::equals).count();
    }
}
