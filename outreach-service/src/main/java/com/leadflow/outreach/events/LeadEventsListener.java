package com.leadflow.outreach.events;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.outreach.delivery.Sender;
import com.leadflow.outreach.message.OutreachPlanner;
import com.leadflow.outreach.recipient.LeadRecipients;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.consumer.PollHandler;
import com.leadflow.platform.kafka.EventRejectedException;
import com.leadflow.schemas.Topic;
import com.leadflow.schemas.Topics;
import java.util.List;
import java.util.UUID;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where leads and their stage changes reach outreach: the platform applies a poll per JDBC transaction
 * on the listener's thread, each event once ({@code outreach.leads.submitted}, {@code outreach.leads.status}),
 * together with the messages it calls for (the message outbox) and the reports on the timeline, a
 * whole poll in a few multi-row statements. The sender is
 * woken once the transaction committed, so it never looks for messages that are not there yet.
 */
@Configuration(proxyBeanMethods = false)
class LeadEventsListener {

    @Bean
    PollHandler<LeadSubmitted> leadSubmittedHandler(OutreachPlanner planner, Sender sender) {
        return new Planning<>(Topics.LEADS_SUBMITTED, sender) {
            @Override
            public boolean wants(Event<LeadSubmitted> event) {
                LeadRecipients.of(event.value());
                return true;
            }

            @Override
            public void apply(List<Event<LeadSubmitted>> events) {
                planner.leadsSubmitted(events);
            }
        };
    }

    @Bean
    PollHandler<LeadStatusChanged> leadStatusHandler(OutreachPlanner planner, Sender sender) {
        return new Planning<>(Topics.LEADS_STATUS, sender) {
            // most reports call for no note: they are neither claimed nor applied
            @Override
            public boolean wants(Event<LeadStatusChanged> event) {
                check(event.value());
                return OutreachPlanner.callsForNote(event.value());
            }

            @Override
            public void apply(List<Event<LeadStatusChanged>> events) {
                planner.statusesChanged(events);
            }
        };
    }

    private static void check(LeadStatusChanged change) {
        try {
            UUID.fromString(change.getLeadId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new EventRejectedException("leadId is not a UUID");
        }
    }

    /** A handler whose applied events may have queued messages: the sender looks once they committed. */
    private abstract static class Planning<V> implements PollHandler<V> {

        private final Topic<String, V> topic;
        private final Sender sender;

        Planning(Topic<String, V> topic, Sender sender) {
            this.topic = topic;
            this.sender = sender;
        }

        @Override
        public Topic<String, V> topic() {
            return topic;
        }

        @Override
        public void committed(List<Event<V>> applied) {
            sender.wakeUp();
        }
    }
}
