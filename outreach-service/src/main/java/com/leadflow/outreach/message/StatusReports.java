package com.leadflow.outreach.message;

import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.Reporter;
import com.leadflow.events.Stage;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.correlation.Correlation;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.schemas.Topics;
import java.time.Clock;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Each outreach decision on the lead's timeline, on {@code leads.status} through the outbox, so the
 * report commits with the decision. The kit's fate is the {@code INFO_KIT} stage; every other
 * message is the {@code MESSAGES} stage. Summaries are plain words with no contact data.
 *
 * <p>A report is made first ({@link #sent} and the rest) and then recorded the way its caller
 * works: {@link #record} in a reactive transaction (the HTTP handlers), {@link #add(Event, LeadStatusChanged)}
 * in a consumer's poll (carrying on the event's correlation and trace), {@link #add(LeadStatusChanged)}
 * in the sender's own transaction.
 */
@Component
public class StatusReports {

    private final Outbox outbox;
    private final Clock clock;

    public StatusReports(Outbox outbox, Clock clock) {
        this.outbox = outbox;
        this.clock = clock;
    }

    public LeadStatusChanged sent(Message message, String how) {
        return report(message, message.kind() == MessageKind.INFO_KIT ? LeadStatus.INFO_KIT_SENT : LeadStatus.MESSAGE_SENT,
                message.kind().words() + " sent " + how);
    }

    public LeadStatusChanged deferred(Message message, String until) {
        return report(message, LeadStatus.MESSAGE_DEFERRED,
                message.kind().words() + " by " + message.channel().words() + " deferred until " + until + " (quiet hours)");
    }

    public LeadStatusChanged suppressed(Message message, String because) {
        return report(message, message.kind() == MessageKind.INFO_KIT ? LeadStatus.INFO_KIT_NOT_SENT
                : LeadStatus.MESSAGE_SUPPRESSED, message.kind().words() + " by " + message.channel().words()
                + " not sent: " + because);
    }

    public LeadStatusChanged failed(Message message, String reason) {
        return report(message, message.kind() == MessageKind.INFO_KIT ? LeadStatus.INFO_KIT_NOT_SENT
                : LeadStatus.MESSAGE_NOT_SENT, message.kind().words() + " by " + message.channel().words()
                + " could not be sent: " + reason);
    }

    public LeadStatusChanged toMail(Message message, String why) {
        return report(message, LeadStatus.INFO_KIT_MAIL_BY_HAND,
                "The care team must post the info kit (ask the visitor for a postal address): " + why);
    }

    public LeadStatusChanged noChannel(UUID leadId, MessageKind kind, String why) {
        return report(leadId, Stage.MESSAGES, LeadStatus.MESSAGE_SUPPRESSED, kind.words() + " not sent: " + why);
    }

    public LeadStatusChanged optedOut(UUID leadId, String how) {
        return report(leadId, Stage.MESSAGES, LeadStatus.OPTED_OUT, how);
    }

    /** Records a report in the current reactive transaction, with the correlation id in its Reactor context. */
    public Mono<Void> record(LeadStatusChanged report) {
        return outbox.record(Topics.LEADS_STATUS, report.getLeadId(), report).then();
    }

    /** Records a report in a consumer's poll transaction, as caused by {@code cause}. */
    public void add(Event<?> cause, LeadStatusChanged report) {
        outbox.add(cause, Topics.LEADS_STATUS, report.getLeadId(), report);
    }

    /**
     * Records a report in the sender's current JDBC transaction. The sender's work started from no
     * request or event, so each report gets a correlation id of its own and no trace, as it always did.
     */
    public void add(LeadStatusChanged report) {
        outbox.add(Topics.LEADS_STATUS, report.getLeadId(), report, Correlation.newId(), null);
    }

    private LeadStatusChanged report(Message message, LeadStatus status, String summary) {
        Stage stage = message.kind() == MessageKind.INFO_KIT ? Stage.INFO_KIT : Stage.MESSAGES;
        return report(message.leadId(), stage, status, summary);
    }

    private LeadStatusChanged report(UUID leadId, Stage stage, LeadStatus status, String summary) {
        return LeadStatusChanged.newBuilder()
                .setLeadId(leadId.toString())
                .setOccurredAt(clock.instant())
                .setReporter(Reporter.OUTREACH)
                .setStage(stage)
                .setStatus(status)
                .setSummary(summary)
                .build();
    }
}
