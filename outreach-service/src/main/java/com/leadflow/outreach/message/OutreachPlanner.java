package com.leadflow.outreach.message;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.Reporter;
import com.leadflow.events.ServiceType;
import com.leadflow.outreach.recipient.Channel;
import com.leadflow.outreach.recipient.Consent;
import com.leadflow.outreach.recipient.LeadRecipients;
import com.leadflow.outreach.recipient.Recipient;
import com.leadflow.outreach.recipient.Recipients;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Which messages an event calls for, recorded in the caller's transaction (the consumer's, with
 * the event's id): a visitor who asked for the kit gets it, by email, else by text, else the care
 * team posts it; everyone else gets a confirmation; stage changes the visitor cares about get a
 * note. Each message's purpose is unique per lead, so an event seen twice adds nothing.
 */
@Component
public class OutreachPlanner {

    private final Recipients recipients;
    private final Messages messages;
    private final StatusReports reports;
    private final Consent consent;
    private final Clock clock;

    public OutreachPlanner(Recipients recipients, Messages messages, StatusReports reports, Consent consent, Clock clock) {
        this.recipients = recipients;
        this.messages = messages;
        this.reports = reports;
        this.consent = consent;
        this.clock = clock;
    }

    public Mono<Void> leadsSubmitted(List<LeadSubmitted> leads) {
        return Flux.fromIterable(leads).concatMap(this::leadSubmitted).then();
    }

    public Mono<Void> statusesChanged(List<LeadStatusChanged> changes) {
        return Flux.fromIterable(changes).concatMap(this::statusChanged).then();
    }

    private Mono<Void> leadSubmitted(LeadSubmitted lead) {
        Recipient to = LeadRecipients.of(lead);
        Mono<Void> plan = lead.getRequestedServices().contains(ServiceType.INFO_KIT)
                ? kit(to, "submitted:" + MessageKind.INFO_KIT, null).then()
                : note(to.leadId(), to, MessageKind.CONFIRMATION, "submitted:" + MessageKind.CONFIRMATION);
        return recipients.add(to).then(plan);
    }

    /** Whether a stage change is one the visitor hears about; outreach's own reports never are. */
    public static boolean callsForNote(LeadStatusChanged change) {
        return change.getReporter() != Reporter.OUTREACH && MessageKind.noteFor(change.getStatus()).isPresent();
    }

    private Mono<Void> statusChanged(LeadStatusChanged change) {
        if (!callsForNote(change)) {
            return Mono.empty();
        }
        return MessageKind.noteFor(change.getStatus()).map(kind -> {
            UUID leadId = UUID.fromString(change.getLeadId());
            return recipients.find(leadId)
                    .flatMap(to -> note(leadId, to, kind, "status:" + kind))
                    // the lead's own event may still be on its way: the sender waits for it
                    .switchIfEmpty(Mono.defer(() -> messages.add(leadId, "status:" + kind, kind, Channel.EMAIL,
                            MessageState.PENDING, clock.instant(), null).then()));
        }).orElse(Mono.empty());
    }

    /** A care manager asked for the kit again. */
    public Mono<Message> resendKit(UUID leadId, String by) {
        return recipients.find(leadId).flatMap(to -> kit(to, "resend:" + UUID.randomUUID(), by));
    }

    private Mono<Message> kit(Recipient to, String purpose, String requestedBy) {
        Channel channel = consent.forKit(to);
        if (channel == Channel.MAIL) {
            return messages.add(to.leadId(), purpose, MessageKind.INFO_KIT, Channel.MAIL, MessageState.TO_MAIL,
                            clock.instant(), requestedBy)
                    .flatMap(message -> reports.toMail(message, consent.whyNot(Channel.EMAIL, to) + "; "
                            + consent.whyNot(Channel.TEXT, to)).thenReturn(message));
        }
        return messages.add(to.leadId(), purpose, MessageKind.INFO_KIT, channel, MessageState.PENDING, clock.instant(),
                requestedBy);
    }

    private Mono<Void> note(UUID leadId, Recipient to, MessageKind kind, String purpose) {
        return consent.forNote(to)
                .map(channel -> messages.add(leadId, purpose, kind, channel, MessageState.PENDING, clock.instant(), null).then())
                .orElseGet(() -> reports.noChannel(leadId, kind, consent.whyNot(Channel.EMAIL, to) + "; "
                        + consent.whyNot(Channel.TEXT, to)));
    }
}
