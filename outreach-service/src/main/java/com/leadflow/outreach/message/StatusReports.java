package com.leadflow.outreach.message;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.Reporter;
import com.leadflow.events.Stage;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Each outreach decision on the lead's timeline, on {@code leads.status} through the outbox, so the
 * report commits with the decision. The kit's fate is the {@code INFO_KIT} stage; every other
 * message is the {@code MESSAGES} stage. Summaries are plain words with no contact data.
 */
@Component
public class StatusReports {

    private final Outbox outbox;
    private final Clock clock;

    public StatusReports(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public Mono<Void> sent(Message message, String how) {
        return report(message, message.kind() == MessageKind.INFO_KIT ? LeadStatus.INFO_KIT_SENT : LeadStatus.MESSAGE_SENT,
                message.kind().words() + " sent " + how);
    }

    public Mono<Void> deferred(Message message, String until) {
        return report(message, LeadStatus.MESSAGE_DEFERRED,
                message.kind().words() + " by " + message.channel().words() + " deferred until " + until + " (quiet hours)");
    }

    public Mono<Void> suppressed(Message message, String because) {
        return report(message, message.kind() == MessageKind.INFO_KIT ? LeadStatus.INFO_KIT_NOT_SENT
                : LeadStatus.MESSAGE_SUPPRESSED, message.kind().words() + " by " + message.channel().words()
                + " not sent: " + because);
    }

    public Mono<Void> failed(Message message, String reason) {
        return report(message, message.kind() == MessageKind.INFO_KIT ? LeadStatus.INFO_KIT_NOT_SENT
                : LeadStatus.MESSAGE_NOT_SENT, message.kind().words() + " by " + message.channel().words()
                + " could not be sent: " + reason);
    }

    public Mono<Void> toMail(Message message, String why) {
        return report(message, LeadStatus.INFO_KIT_MAIL_BY_HAND,
                "The care team must post the info kit (ask the visitor for a postal address): " + why);
    }

    public Mono<Void> noChannel(UUID leadId, MessageKind kind, String why) {
        return report(leadId, Stage.MESSAGES, LeadStatus.MESSAGE_SUPPRESSED, kind.words() + " not sent: " + why);
    }

    public Mono<Void> optedOut(UUID leadId, String how) {
        return report(leadId, Stage.MESSAGES, LeadStatus.OPTED_OUT, how);
    }

    private Mono<Void> report(Message message, LeadStatus status, String summary) {
        Stage stage = message.kind() == MessageKind.INFO_KIT ? Stage.INFO_KIT : Stage.MESSAGES;
        return report(message.leadId(), stage, status, summary);
    }

    private Mono<Void> report(UUID leadId, Stage stage, LeadStatus status, String summary) {
        Instant now = clock.instant();
        LeadStatusChanged event = LeadStatusChanged.newBuilder()
                .setLeadId(leadId.toString())
                .setOccurredAt(now)
                .setReporter(Reporter.OUTREACH)
                .setStage(stage)
                .setStatus(status)
                .setSummary(summary)
                .build();
        return outbox.record(Topics.LEADS_STATUS, leadId.toString(), event).then();
    }
}
