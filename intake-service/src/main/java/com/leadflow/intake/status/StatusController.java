package com.leadflow.intake.status;

import com.leadflow.intake.timeline.LeadChanges;
import com.leadflow.intake.timeline.StageStatus;
import com.leadflow.intake.timeline.Streams;
import com.leadflow.intake.timeline.Timeline;
import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.openapi.PublicEndpoint;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The visitor's private status link. The token is the only key: it is not the lead id and cannot
 * be guessed. Unknown tokens get the same 404 as malformed ones.
 */
@Tag(name = "Status link", description = "The visitor's private status link")
@RestController
class StatusController {

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

    private final DatabaseClient db;
    private final Timeline timeline;
    private final LeadChanges changes;
    private final AuditLog audit;

    StatusController(DatabaseClient db, Timeline timeline, LeadChanges changes, AuditLog audit) {
        this.audit = audit;
        this.db = db;
        this.timeline = timeline;
        this.changes = changes;
    }

    @PublicEndpoint
    @Operation(summary = "What happens with my request",
            description = "Steps for the requested services only: stage, label, progress (NOT_STARTED, RECEIVED, IN_PROGRESS, WAITING_FOR_YOU, DONE), meaning, since. No clinical, insurance or outcome details.")
    @GetMapping("/api/status/{token}")
    Mono<StatusView> status(@PathVariable String token) {
        // the visitor is not signed in: the audit names the link as the reader
        return leadOf(token).flatMap(lead -> audit.record("status-link", AuditAction.VIEW, "lead", lead.id().toString())
                .then(timeline.stages(lead.id()).map(stages -> view(lead, stages))));
    }

    /** The same view again whenever the lead's timeline changes. */
    @PublicEndpoint
    @Operation(summary = "The status again whenever it changes",
            description = "Server-sent events, each the whole status view; a heartbeat keeps the connection open.")
    @GetMapping(path = "/api/status/{token}/events", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    Flux<ServerSentEvent<StatusView>> events(@PathVariable String token) {
        return leadOf(token).flatMapMany(lead -> Streams.withHeartbeat(changes.stream()
                .filter(change -> change.leadId().equals(lead.id()))
                .concatMap(change -> timeline.stages(lead.id()).map(stages -> view(lead, stages)))
                .map(view -> ServerSentEvent.builder(view).event("status").build())));
    }

    Mono<LeadRef> leadOf(String token) {
        if (!TOKEN.matcher(token).matches()) {
            return Mono.error(notFound());
        }
        return db.sql("select id, submitted_at, requested_services from lead where status_token = :token")
                .bind("token", token)
                .map((row, meta) -> new LeadRef(row.get("id", UUID.class),
                        row.get("submitted_at", OffsetDateTime.class),
                        Arrays.asList(row.get("requested_services", String.class).split(","))))
                .one()
                .switchIfEmpty(Mono.error(StatusController::notFound));
    }

    private static StatusView view(LeadRef lead, List<StageStatus> stages) {
        return new StatusView(lead.submittedAt().toInstant(), lead.requestedServices(),
                VisitorSteps.of(lead.requestedServices(), stages));
    }

    private static ResponseStatusException notFound() {
        return new ResponseStatusException(HttpStatus.NOT_FOUND, "No request is known under this link.");
    }

    record LeadRef(UUID id, OffsetDateTime submittedAt, List<String> requestedServices) {
    }
}
