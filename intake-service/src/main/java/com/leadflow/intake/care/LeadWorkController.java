package com.leadflow.intake.care;

import com.leadflow.intake.timeline.LeadChange;
import com.leadflow.intake.timeline.LeadChanges;
import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.web.FieldViolation;
import com.leadflow.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * What a care manager records while working a lead: contact attempts, notes and who owns the lead.
 * Each change commits with its audit entry and is announced to the live views once committed.
 */
@Tag(name = "Care managers")
@RestController
class LeadWorkController {

    private final CareQueue queue;
    private final LeadNotes notes;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final LeadChanges changes;
    private final Clock clock;

    LeadWorkController(CareQueue queue, LeadNotes notes, AuditLog audit, TransactionalOperator tx, LeadChanges changes,
            Clock clock) {
        this.queue = queue;
        this.notes = notes;
        this.audit = audit;
        this.tx = tx;
        this.changes = changes;
        this.clock = clock;
    }

    @Operation(summary = "Record a contact attempt",
            description = "{channel, outcome}; a reach stops the speed-to-lead clock; 400 outcome/not-for-channel for an outcome the channel cannot have.")
    @PostMapping("/api/care/leads/{id}/contact-attempts")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Void> recordAttempt(@PathVariable UUID id, @RequestBody AttemptRequest request, Principal person) {
        ContactAttempt attempt = request.validated();
        return announce(queue.recordAttempt(id, attempt, person.getName()), AuditAction.CONTACT, id);
    }

    @Operation(summary = "Add a note",
            description = "{text}, at most 2,000 characters; audited (UPDATE).")
    @PostMapping("/api/care/leads/{id}/notes")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Void> addNote(@PathVariable UUID id, @RequestBody NoteRequest request, Principal person) {
        String text = request.validated();
        var now = clock.instant();
        return announce(queue.known(id).flatMap(known -> notes.add(id, now, person.getName(), text)
                .thenReturn(new LeadChange(id, "CONTACT", "NOTE_ADDED", now))), AuditAction.UPDATE, id);
    }

    @Operation(summary = "Assign the lead",
            description = "{owner}: me, a user name, or null for nobody; audited (UPDATE).")
    @PutMapping("/api/care/leads/{id}/owner")
    Mono<Void> assign(@PathVariable UUID id, @RequestBody OwnerRequest request, Principal person) {
        String owner = request.validated(person.getName());
        return announce(queue.assign(id, owner), AuditAction.UPDATE, id);
    }

    private Mono<Void> announce(Mono<LeadChange> change, AuditAction action, UUID id) {
        return tx.transactional(change
                        .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such lead.")))
                        .flatMap(done -> audit.record(action, "lead", id.toString()).thenReturn(done)))
                .doOnNext(changes::published)
                .then();
    }

    /** A contact attempt as text, so that a wrong choice is named rather than failing the parse. */
    record AttemptRequest(String channel, String outcome) {

        ContactAttempt validated() {
            List<FieldViolation> violations = new ArrayList<>();
            ContactAttempt.Channel c = parse(ContactAttempt.Channel.class, "channel", channel, violations);
            ContactAttempt.Outcome o = parse(ContactAttempt.Outcome.class, "outcome", outcome, violations);
            if (c != null && o != null && !ContactAttempt.allowed(c).contains(o)) {
                violations.add(new FieldViolation("outcome", "not-for-channel", "An attempt by "
                        + Labels.all().get("Channel").get(c.name()).toLowerCase(java.util.Locale.ROOT) + " ends as one of: "
                        + ContactAttempt.OUTCOMES.get(c).stream()
                                .map(allowed -> Labels.all().get("Outcome").get(allowed.name()))
                                .collect(Collectors.joining("; ")) + "."));
            }
            if (!violations.isEmpty()) {
                throw new InvalidRequestException(violations);
            }
            return new ContactAttempt(c, o);
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String field, String value,
                List<FieldViolation> violations) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            violations.add(new FieldViolation(field, value == null ? "required" : "unknown-value",
                    "Choose one of: " + java.util.Arrays.toString(type.getEnumConstants()) + "."));
            return null;
        }
    }

    record NoteRequest(String text) {

        String validated() {
            String note = text == null ? "" : java.text.Normalizer.normalize(text, java.text.Normalizer.Form.NFC).strip();
            if (note.isEmpty()) {
                throw InvalidRequestException.of("text", "required", "Write the note first.");
            }
            if (note.length() > LeadNotes.MAX_LENGTH) {
                throw InvalidRequestException.of("text", "too-long",
                        "A note holds at most " + LeadNotes.MAX_LENGTH + " characters.");
            }
            return note;
        }
    }

    /** The new owner's user name, "me" for the signed-in person, or null for nobody. */
    record OwnerRequest(String owner) {

        String validated(String me) {
            if (owner == null || owner.isBlank()) {
                return null;
            }
            String name = owner.strip();
            if (name.equals("me")) {
                return me;
            }
            if (!InboxFilter.USER_NAME.matcher(name).matches()) {
                throw InvalidRequestException.of("owner", "format",
                        "A user name of letters, digits, dots, dashes or @, at most 60 characters.");
            }
            return name;
        }
    }
}
