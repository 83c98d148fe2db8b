package com.leadflow.intake.care;

import com.leadflow.intake.timeline.LeadChange;
import com.leadflow.intake.timeline.LeadChanges;
import com.leadflow.intake.timeline.Streams;
import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A lead with its timeline, for care managers; every read is audited. */
@Tag(name = "Care managers", description = "The care managers' workspace: the inbox, one lead, contact, notes, owner, messages")
@RestController
class LeadController {

    private final LeadReader reader;
    private final AuditLog audit;
    private final LeadChanges changes;

    LeadController(LeadReader reader, AuditLog audit, LeadChanges changes) {
        this.reader = reader;
        this.audit = audit;
        this.changes = changes;
    }

    @Operation(summary = "One lead with its timeline",
            description = "Submission, consent and attribution evidence, each stage's status and result, imaging, duplicates, owner, speed to lead, notes, timeline. Audited (VIEW).")
    @GetMapping("/api/leads/{id}")
    Mono<LeadView> lead(@PathVariable UUID id) {
        return reader.read(id)
                .switchIfEmpty(Mono.error(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No such lead.")))
                .flatMap(view -> audit.record(AuditAction.VIEW, "lead", id.toString()).thenReturn(view));
    }

    /** Live timeline changes of all leads (ids, stages and statuses only), as server-sent events. */
    @Operation(summary = "Live changes of all leads",
            description = "Server-sent events {leadId, stage, status, occurredAt} per change, a note or an owner change included.")
    @GetMapping(path = "/api/leads/changes", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<LeadChange>> changes() {
        return Streams.withHeartbeat(changes.stream().map(change -> ServerSentEvent.builder(change)
                .event("lead-changed").id(change.leadId().toString()).build()));
    }
}
