package com.leadflow.outreach.events;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.outreach.delivery.Sender;
import com.leadflow.outreach.message.OutreachPlanner;
import com.leadflow.outreach.recipient.LeadRecipients;
import com.leadflow.platform.consumer.IdempotentConsumer;
import com.leadflow.platform.kafka.EventRejectedException;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Where leads and their stage changes reach outreach: a poll at a time, each event once, in one
 * transaction with the messages it calls for (the message outbox) and the reports on the timeline.
 * The sender is woken once the transaction committed.
 */
@Component
class LeadEventsListener {

    static final String SUBMITTED_CONSUMER = "outreach.leads-submitted";
    static final String STATUS_CONSUMER = "outreach.leads-status";

    private final IdempotentConsumer idempotent;
    private final OutreachPlanner planner;
    private final Sender sender;

    LeadEventsListener(IdempotentConsumer idempotent, OutreachPlanner planner, Sender sender) {
        this.idempotent = idempotent;
        this.planner = planner;
        this.sender = sender;
    }

    @KafkaListener(id = SUBMITTED_CONSUMER, groupId = "outreach-service", batch = "true",
            topics = "#{T(com.leadflow.schemas.Topics).LEADS_SUBMITTED.name()}")
    void onLeadsSubmitted(List<ConsumerRecord<String, LeadSubmitted>> records) {
        Polls.Split split = Polls.split(records, LeadRecipients::of);
        idempotent.applyEachOnceBlocking(SUBMITTED_CONSUMER, records.subList(0, split.usable()),
                fresh -> planner.leadsSubmitted(fresh.stream().map(ConsumerRecord::value).toList()));
        sender.wakeUp();
        split.rethrow();
    }

    @KafkaListener(id = STATUS_CONSUMER, groupId = "outreach-service", batch = "true",
            topics = "#{T(com.leadflow.schemas.Topics).LEADS_STATUS.name()}")
    void onLeadsStatus(List<ConsumerRecord<String, LeadStatusChanged>> records) {
        Polls.Split split = Polls.split(records, LeadEventsListener::check);
        // most reports call for no note: they are not even claimed
        List<ConsumerRecord<String, LeadStatusChanged>> notable = records.subList(0, split.usable()).stream()
                .filter(record -> OutreachPlanner.callsForNote(record.value())).toList();
        idempotent.applyEachOnceBlocking(STATUS_CONSUMER, notable,
                fresh -> planner.statusesChanged(fresh.stream().map(ConsumerRecord::value).toList()));
        sender.wakeUp();
        split.rethrow();
    }

    private static void check(LeadStatusChanged change) {
        try {
            UUID.fromString(change.getLeadId());
        } catch (IllegalArgumentException | NullPointerException e) {
            throw new EventRejectedException("leadId is not a UUID");
        }
    }
}
