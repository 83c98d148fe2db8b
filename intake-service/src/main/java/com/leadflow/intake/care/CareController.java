package com.leadflow.intake.care;

import com.leadflow.events.ServiceType;
import com.leadflow.intake.timeline.LeadChanges;
import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.web.InvalidRequestException;
import java.security.Principal;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The Patient Care Manager's work list and contact log. Every lead shown is audited as listed;
 * every contact attempt as a contact.
 */
@RestController
class CareController {

    private static final Set<String> STAGES = Set.of("INTAKE", "CONTACT", "REVIEW", "INSURANCE", "MATCHING", "INFO_KIT",
            "MESSAGES", "UNKNOWN");

    private final CareQueue queue;
    private final AuditLog audit;
    private final TransactionalOperator tx;
    private final LeadChanges changes;

    CareController(CareQueue queue, AuditLog audit, TransactionalOperator tx, LeadChanges changes) {
        this.queue = queue;
        this.audit = audit;
        this.tx = tx;
        this.changes = changes;
    }

    @GetMapping("/api/care/leads")
    Mono<List<LeadSummary>> leads(@RequestParam(required = false) String stage,
            @RequestParam(required = false) String service) {
        if (stage != null && !STAGES.contains(stage)) {
            return Mono.error(InvalidRequestException.of("stage", "unknown-value", "Choose one of: " + STAGES + "."));
        }
        if (service != null && Arrays.stream(ServiceType.values()).noneMatch(s -> s.name().equals(service))) {
            return Mono.error(InvalidRequestException.of("service", "unknown-value", "Not a requested service."));
        }
        return queue.list(stage, service)
                .concatMap(lead -> audit.record(AuditAction.LIST, "lead", lead.id().toString()).thenReturn(lead))
                .collectList();
    }

    @PostMapping("/api/care/leads/{id}/contact-attempts")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<Void> recordAttempt(@PathVariable UUID id, @RequestBody ContactAttemptRequest request, Principal person) {
        ContactAttempt attempt = request.validated();
        return tx.transactional(queue.recordAttempt(id, attempt, person.getName())
                        .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such lead.")))
                        .flatMap(change -> audit.record(AuditAction.CONTACT, "lead", id.toString()).thenReturn(change)))
                .doOnNext(changes::published)
                .then();
    }

    /** The JSON of a contact attempt, as text so that a wrong choice is named, not a parse error. */
    record ContactAttemptRequest(String channel, String outcome) {
        ContactAttempt validated() {
            List<com.leadflow.platform.web.FieldViolation> violations = new java.util.ArrayList<>();
            ContactAttempt.Channel c = parse(ContactAttempt.Channel.class, "channel", channel, violations);
            ContactAttempt.Outcome o = parse(ContactAttempt.Outcome.class, "outcome", outcome, violations);
            if (!violations.isEmpty()) {
                throw new InvalidRequestException(violations);
            }
            return new ContactAttempt(c, o);
        }

        private static <E extends Enum<E>> E parse(Class<E> type, String field, String value,
                List<com.leadflow.platform.web.FieldViolation> violations) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equals(value)) {
                    return constant;
                }
            }
            violations.add(new com.leadflow.platform.web.FieldViolation(field, value == null ? "required" : "unknown-value",
                    "Choose one of: " + Arrays.toString(type.getEnumConstants()) + "."));
            return null;
        }
    }
}
