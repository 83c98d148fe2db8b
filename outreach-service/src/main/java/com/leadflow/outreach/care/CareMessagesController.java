package com.leadflow.outreach.care;

import com.leadflow.outreach.delivery.Sender;
import com.leadflow.outreach.message.Message;
import com.leadflow.outreach.message.MessageKind;
import com.leadflow.outreach.message.Messages;
import com.leadflow.outreach.message.OutreachPlanner;
import com.leadflow.outreach.message.StatusReports;
import com.leadflow.outreach.recipient.Channel;
import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.web.ConflictException;
import com.leadflow.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * What a Patient Care Manager sees of a lead's messages and can do about them: every message with
 * its state and reason (never its text or address), a new kit, and a posted kit marked as posted.
 * Every call is audited against the lead.
 */
@Tag(name = "Messages", description = "What outreach sent a visitor, for care managers")
@RestController
class CareMessagesController {

    /** A message as the care view lists it, in plain words. */
    record MessageView(UUID id, String kind, String what, String channel, String state, String stateWords,
            Instant createdAt, Instant dueAt, Instant sentAt, int attempts, String reason, String requestedBy) {

        static MessageView of(Message m) {
            return new MessageView(m.id(), m.kind().name(), m.kind().words(), m.channel().name(), m.state().name(),
                    words(m), m.createdAt(), m.dueAt(), m.sentAt(), m.attempts(), m.reason(), m.requestedBy());
        }

        private static String words(Message m) {
            return switch (m.state()) {
                case PENDING -> m.attempts() == 0 ? "Waiting to be sent" : "Will be tried again";
                case DEFERRED -> "Held for quiet hours";
                case SENT -> m.channel() == Channel.MAIL ? "Posted" : "Sent";
                case FAILED -> "Could not be sent";
                case SUPPRESSED -> "Not sent";
                case TO_MAIL -> "To be posted by the care team";
            };
        }
    }

    private final Messages messages;
    private final OutreachPlanner planner;
    private final StatusReports reports;
    private final Sender sender;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final Clock clock;

    CareMessagesController(Messages messages, OutreachPlanner planner, StatusReports reports, Sender sender,
            AuditLog audit, TransactionalOperator tx, Clock clock) {
        this.messages = messages;
        this.planner = planner;
        this.reports = reports;
        this.sender = sender;
        this.audit = audit;
        this.tx = tx;
        this.clock = clock;
    }

    @Operation(summary = "Every message to a visitor",
            description = "Kind, channel, state (PENDING, DEFERRED, SENT, FAILED, SUPPRESSED, TO_MAIL) in plain words, times, attempts, reason; never the text or the address.")
    @GetMapping("/api/outreach/leads/{leadId}/messages")
    Mono<List<MessageView>> messages(@PathVariable UUID leadId) {
        return audit.record(AuditAction.VIEW, "lead-messages", leadId.toString())
                .then(messages.ofLead(leadId))
                .map(list -> list.stream().map(MessageView::of).toList());
    }

    /** Sends the kit again, by the channel the consent allows now (or as a task to post it). */
    @Operation(summary = "Send the info kit again",
            description = "202; by the channel the consent allows now, or as a task to post it.")
    @PostMapping("/api/outreach/leads/{leadId}/kit")
    @ResponseStatus(HttpStatus.ACCEPTED)
    Mono<MessageView> resendKit(@PathVariable UUID leadId, Principal person) {
        return tx.transactional(planner.resendKit(leadId, person.getName())
                        .switchIfEmpty(Mono.error(() -> new NotFoundException("Lead not known to outreach")))
                        .flatMap(message -> audit.record(AuditAction.CREATE, "lead-messages", leadId.toString())
                                .thenReturn(message)))
                .doOnNext(message -> sender.wakeUp())
                .map(MessageView::of);
    }

    /** The care team posted a kit by hand. */
    @Operation(summary = "Mark a kit posted by hand",
            description = "INFO_KIT_SENT by post, by the care manager; 409 when it is not a kit to post.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @PostMapping("/api/outreach/messages/{messageId}/posted")
    Mono<MessageView> posted(@PathVariable UUID messageId, Principal person) {
        return tx.transactional(messages.find(messageId)
                .switchIfEmpty(Mono.error(() -> new NotFoundException("Message not found")))
                .flatMap(message -> messages.mailed(messageId, clock.instant(), person.getName())
                        .flatMap(changed -> changed ? Mono.just(message)
                                : Mono.error(new ConflictException("This message is not a kit waiting to be posted")))
                        .flatMap(m -> reports.record(reports.sent(m, "by post, by " + person.getName())))
                        .then(audit.record(AuditAction.UPDATE, "lead-messages", message.leadId().toString()))
                        .then(messages.find(messageId))))
                .map(MessageView::of);
    }
}
