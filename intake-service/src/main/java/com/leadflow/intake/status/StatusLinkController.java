package com.leadflow.intake.status;

import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A visitor's status link, for the outreach service to put in the confirmation and the notes it
 * sends (only its own client's token, role {@code OUTREACH}, opens this). The link is a secret, so it
 * never travels on a topic: outreach asks for it at the moment of sending, and every answer is
 * audited. The status page it opens shows how far each request got and nothing clinical, which is
 * why email and text may carry it.
 */
@Tag(name = "Status link")
@RestController
class StatusLinkController {

    /** The link as a message shows it. */
    record StatusLink(String url) {
    }

    private final DatabaseClient db;
    private final AuditLog audit;
    private final String base;

    StatusLinkController(DatabaseClient db, AuditLog audit, StatusLinkProperties properties) {
        this.db = db;
        this.audit = audit;
        this.base = properties.publicUrl().toString().replaceAll("/+$", "");
    }

    @Operation(summary = "A visitor's status link, for outreach's messages",
            description = "Only outreach's own client (role OUTREACH) opens it, not even a care manager. Cache-Control: no-store; audited.")
    @GetMapping("/api/status-links/{leadId}")
    Mono<ResponseEntity<StatusLink>> link(@PathVariable UUID leadId) {
        return db.sql("select status_token from lead where id = :id")
                .bind("id", leadId)
                .map((row, meta) -> row.get("status_token", String.class))
                .one()
                .switchIfEmpty(Mono.error(() -> new NotFoundException("No lead has this id.")))
                .flatMap(token -> audit.record(AuditAction.VIEW, "status-link", leadId.toString())
                        .thenReturn(ResponseEntity.ok()
                                .cacheControl(CacheControl.noStore())
                                .body(new StatusLink(base + "/status.html#" + token))));
    }
}
