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
import com.leadflow.platform.consumer.Event;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Which messages an event calls for, recorded in the caller's transaction (the consumer's, with
 * the event's id): a visitor who asked for the kit gets it, by email, else by text, else the care
 * team posts it; everyone else gets a confirmation; stage changes the visitor cares about get a
 * note. Each message's purpose is unique per lead, so an event seen twice adds nothing.
 *
 * <p>A consumer's poll is planned as a whole and written with a few statements (its recipients,
 * then its messages, many rows each), and its reports go on the timeline in the order of the
 * events; a report about a message goes there only when the message was new.
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

    /** A poll of submitted leads, in the poll's JDBC transaction. */
    public void leadsSubmitted(List<Event<LeadSubmitted>> events) {
        Plan plan = new Plan();
        List<Recipient> leads = new ArrayList<>();
        for (Event<LeadSubmitted> event : events) {
            LeadSubmitted lead = event.value();
            Recipient to = LeadRecipients.of(lead);
            leads.add(to);
            if (lead.getRequestedServices().contains(ServiceType.INFO_KIT)) {
                Kit kit = kit(to, "submitted:" + MessageKind.INFO_KIT, null);
                plan.message(event, kit.message(), kit.report());
            } else {
                note(plan, event, to.leadId(), to, MessageKind.CONFIRMATION, "submitted:" + MessageKind.CONFIRMATION);
            }
        }
        recipients.addAll(leads);
        plan.write();
    }

    /** A poll of stage changes (those that {@link #callsForNote}), in the poll's JDBC transaction. */
    public void statusesChanged(List<Event<LeadStatusChanged>> events) {
        List<Event<LeadStatusChanged>> notes = events.stream().filter(event -> callsForNote(event.value())).toList();
        Map<UUID, Recipient> known = recipients.findAll(
                notes.stream().map(event -> UUID.fromString(event.value().getLeadId())).distinct().toList());
        Plan plan = new Plan();
        for (Event<LeadStatusChanged> event : notes) {
            MessageKind kind = MessageKind.noteFor(event.value().getStatus()).orElseThrow();
            UUID leadId = UUID.fromString(event.value().getLeadId());
            Recipient to = known.get(leadId);
            if (to != null) {
                note(plan, event, leadId, to, kind, "status:" + kind);
            } else {
                // the lead's own event may still be on its way: the sender waits for it
                plan.message(event, Messages.planned(leadId, "status:" + kind, kind, Channel.EMAIL,
                        MessageState.PENDING, clock.instant(), null), null);
            }
        }
        plan.write();
    }

    /** Whether a stage change is one the visitor hears about; outreach's own reports never are. */
    public static boolean callsForNote(LeadStatusChanged change) {
        return change.getReporter() != Reporter.OUTREACH && MessageKind.noteFor(change.getStatus()).isPresent();
    }

    /** A care manager asked for the kit again (reactive, in the HTTP handler's transaction). */
    public Mono<Message> resendKit(UUID leadId, String by) {
        return recipients.find(leadId).flatMap(to -> {
            Kit kit = kit(to, "resend:" + UUID.randomUUID(), by);
            return messages.add(kit.message())
                    .flatMap(message -> kit.report() == null ? Mono.just(message)
                            : reports.record(kit.report()).thenReturn(message));
        });
    }

    /** The kit message to add, and the report that goes with it when it is new (null: none). */
    private record Kit(Message message, LeadStatusChanged report) {
    }

    private Kit kit(Recipient to, String purpose, String requestedBy) {
        Channel channel = consent.forKit(to);
        if (channel == Channel.MAIL) {
            Message message = Messages.planned(to.leadId(), purpose, MessageKind.INFO_KIT, Channel.MAIL,
                    MessageState.TO_MAIL, clock.instant(), requestedBy);
            return new Kit(message, reports.toMail(message, whyNeither(to)));
        }
        return new Kit(Messages.planned(to.leadId(), purpose, MessageKind.INFO_KIT, channel, MessageState.PENDING,
                clock.instant(), requestedBy), null);
    }

    private void note(Plan plan, Event<?> event, UUID leadId, Recipient to, MessageKind kind, String purpose) {
        Optional<Channel> channel = consent.forNote(to);
        if (channel.isPresent()) {
            plan.message(event, Messages.planned(leadId, purpose, kind, channel.get(), MessageState.PENDING,
                    clock.instant(), null), null);
        } else {
            plan.report(event, reports.noChannel(leadId, kind, whyNeither(to)));
        }
    }

    private String whyNeither(Recipient to) {
        return consent.whyNot(Channel.EMAIL, to) + "; " + consent.whyNot(Channel.TEXT, to);
    }

    /** What a poll's events call for, in their order: messages to add and reports to record. */
    private final class Plan {

        /** A report, caused by {@code cause}; when {@code ifAdded} is set, only if that message was new. */
        private record Report(Event<?> cause, LeadStatusChanged report, UUID ifAdded) {
        }

        private final List<Message> planned = new ArrayList<>();
        private final List<Report> reported = new ArrayList<>();

        void message(Event<?> cause, Message message, LeadStatusChanged reportIfNew) {
            planned.add(message);
            if (reportIfNew != null) {
                reported.add(new Report(cause, reportIfNew, message.id()));
            }
        }

        void report(Event<?> cause, LeadStatusChanged report) {
            reported.add(new Report(cause, report, null));
        }

        void write() {
            Set<UUID> added = planned.isEmpty() ? Set.of() : messages.addAll(planned);
            for (Report report : reported) {
                if (report.ifAdded() == null || added.contains(report.ifAdded())) {
                    reports.add(report.cause(), report.report());
                }
            }
        }
    }
}
