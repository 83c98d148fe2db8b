package com.leadflow.ops.trace;

import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/** "Where is this lead?": its records across the topics within a window; audited as a view of the lead. */
@Tag(name = "Trace", description = "One lead across the topics")
@RestController
class TraceController {

    private final LeadTracer tracer;
    private final AuditLog audit;

    TraceController(LeadTracer tracer, AuditLog audit) {
        this.tracer = tracer;
        this.audit = audit;
    }

    @Operation(summary = "Trace one lead",
            description = "?leadId=&from=&to= (ISO times, the last 24 h by default, at most 30 days): its records in time order, each with event type, reporter, correlation id, trace id and which groups have read past it. Audited as a view of the lead.")
    @GetMapping("/api/trace")
    Mono<LeadTrace> trace(@RequestParam(required = false) String leadId, @RequestParam(required = false) String from,
            @RequestParam(required = false) String to) {
        Instant start = instant("from", from);
        Instant end = instant("to", to);
        return Mono.fromCallable(() -> tracer.trace(leadId == null ? null : leadId.trim(), start, end))
                .subscribeOn(Schedulers.boundedElastic())
                .flatMap(trace -> audit.record(AuditAction.VIEW, "lead-trace", trace.leadId()).thenReturn(trace));
    }

    private static Instant instant(String field, String value) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.of(field, "format", "A time like 2026-12-01T08:00:00Z (UTC).");
        }
    }
}
