package com.leadflow.intake.care;

import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.r2dbc.core.DatabaseClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The Patient Care Manager's inbox: search, filters, orders and pages (parameters in
 * {@link InboxFilter}), and the words for every code. Every lead listed is audited as listed.
 */
@Tag(name = "Care managers")
@RestController
class CareController {

    private final CareQueue queue;
    private final AuditLog audit;
    private final DatabaseClient db;

    CareController(CareQueue queue, AuditLog audit, DatabaseClient db) {
        this.queue = queue;
        this.audit = audit;
        this.db = db;
    }

    @Operation(summary = "The care managers' inbox",
            description = "A keyset page {leads, next} (pass next as after). Query: q, service, stage, status, overdue, duplicate, owner, from, to, sort, size, after. Each lead listed is audited (LIST); 400 names each wrong parameter.")
    @GetMapping("/api/care/leads")
    Mono<InboxPage> leads(@RequestParam Map<String, String> query, Principal person) {
        InboxFilter filter = InboxFilter.parse(query);
        return queue.page(filter, person.getName())
                .flatMap(page -> Flux.fromIterable(page.leads())
                        .concatMap(lead -> audit.record(AuditAction.LIST, "lead", lead.id().toString()))
                        .then(Mono.just(page)));
    }

    /** Words for every code, and which contact outcomes each channel allows; no PHI, so not audited. */
    @Operation(summary = "Plain words for every code",
            description = "By kind, and the outcomes each contact channel allows.")
    @GetMapping("/api/care/labels")
    Map<String, Object> labels() {
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("labels", Labels.all());
        Map<String, List<String>> outcomes = new LinkedHashMap<>();
        for (ContactAttempt.Channel channel : ContactAttempt.Channel.values()) {
            outcomes.put(channel.name(), ContactAttempt.OUTCOMES.get(channel).stream().map(Enum::name).toList());
        }
        answer.put("outcomes", outcomes);
        return answer;
    }

    /** The people leads are assigned to, for "assign to someone". */
    @Operation(summary = "Who leads are assigned to",
            description = "The user names leads are assigned to.")
    @GetMapping("/api/care/owners")
    Mono<List<String>> owners() {
        return db.sql("select distinct owner from lead where owner is not null order by owner")
                .map((row, meta) -> row.get("owner", String.class)).all().collectList();
    }
}
