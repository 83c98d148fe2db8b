package com.leadflow.intake.status;

import com.leadflow.intake.JdbcWorkers;
import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.correlation.Correlation;
import com.leadflow.platform.correlation.CorrelationLogging;
import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
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

    private final ConsumerDatabase database;
    private final AuditLog audit;
    private final JdbcWorkers workers;
    private final String base;

    StatusLinkController(ConsumerDatabase database, AuditLog audit, JdbcWorkers workers,
            StatusLinkProperties properties) {
        this.database = database;
        this.audit = audit;
        this.workers = workers;
        this.base = properties.publicUrl().toString().replaceAll("/+$", "");
    }

    /**
     * Outreach asks once per lead it writes to, so this runs on JDBC on the {@link JdbcWorkers}: the
     * lookup and its audit entry in one transaction, two statements that on R2DBC cost several
     * times the CPU.
     */
    @Operation(summary = "A visitor's status link, for outreach's messages",
            description = "Only outreach's own client (role OUTREACH) opens it, not even a care manager. Cache-Control: no-store; audited.")
    @GetMapping("/api/status-links/{leadId}")
    Mono<ResponseEntity<StatusLink>> link(@PathVariable UUID leadId) {
        return AuditLog.actor().zipWith(Correlation.currentIds())
                .flatMap(who -> Mono.fromCallable(() -> CorrelationLogging.with(who.getT2(), () -> database.inTransaction(() -> {
                    String token = database.jdbc().sql("select status_token from lead where id = :id")
                            .param("id", leadId).query(String.class).optional()
                            .orElseThrow(() -> new NotFoundException("No lead has this id."));
                    audit.add(who.getT1(), AuditAction.VIEW, "status-link", leadId.toString(), who.getT2().correlationId());
                    return token;
                }))).subscribeOn(workers.scheduler()))
                .map(token -> ResponseEntity.ok()
                        .cacheControl(CacheControl.noStore())
                        .body(new StatusLink(base + "/status.html#" + token)));
    }
}
