package com.leadflow.insurance.check;

import com.leadflow.insurance.eligibility.CheckState;
import com.leadflow.insurance.payer.PayerDirectory;
import com.leadflow.platform.audit.AuditAction;
import com.leadflow.platform.audit.AuditLog;
import com.leadflow.platform.web.ConflictException;
import com.leadflow.platform.web.InvalidRequestException;
import com.leadflow.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.List;
import java.util.regex.Pattern;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.transaction.reactive.TransactionalOperator;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A lead's eligibility checks for care managers, and the re-check they can ask for (optionally
 * with a corrected payer or member id, e.g. after the patient read the card out on the phone).
 * Every read and every re-check is audited.
 */
@Tag(name = "Insurance checks", description = "Eligibility checks with the payer, for care managers")
@RestController
public class CheckController {

    static final Pattern LEAD_ID = Pattern.compile("[A-Za-z0-9_-]{1,100}");
    static final Pattern MEMBER_ID = Pattern.compile("[A-Za-z0-9-]{2,30}");
    static final String AUDIT_SUBJECT = "lead-insurance";

    /** Corrections for a re-check; absent fields keep what the last check used. */
    public record RecheckRequest(String payerId, String memberId) {
    }

    private final CheckStore checks;
    private final AttemptStore attempts;
    private final CoverageStore coverages;
    private final CheckIntake intake;
    private final PayerDirectory directory;
    private final AuditLog audit;
    private final TransactionalOperator tx;

    public CheckController(CheckStore checks, AttemptStore attempts, CoverageStore coverages, CheckIntake intake,
            PayerDirectory directory, AuditLog audit, TransactionalOperator tx) {
        this.checks = checks;
        this.attempts = attempts;
        this.coverages = coverages;
        this.intake = intake;
        this.directory = directory;
        this.audit = audit;
        this.tx = tx;
    }

    @Operation(summary = "Every check of a lead",
            description = "Newest first: member id masked (****6789), state, outcome, attempts with timings; audited (LIST).")
    @GetMapping("/api/checks")
    public Mono<ResponseEntity<Object>> forLead(@RequestParam(name = "leadId", required = false) String leadId) {
        if (leadId == null || !LEAD_ID.matcher(leadId).matches()) {
            return Mono.error(InvalidRequestException.of("leadId", "pattern", "A lead id of letters, digits, '-' or '_'."));
        }
        return audit.record(AuditAction.LIST, AUDIT_SUBJECT, leadId)
                .thenMany(checks.forLead(leadId)
                        .concatMap(check -> Mono.zip(attempts.forCheck(check.id()).collectList(),
                                        coverages.forCheck(check.id()).collectList())
                                .map(found -> CheckView.of(check, found.getT1(), found.getT2()))))
                .collectList()
                .map(views -> ResponseEntity.ok((Object) views));
    }

    @Operation(summary = "Check again",
            description = "Optionally with {payerId, memberId} corrections; 202 when started. Audited (CREATE).")
    @ApiResponse(responseCode = "202", description = "The check is started again")
    @ApiResponse(responseCode = "404", ref = "#/components/responses/NotFound")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @PostMapping("/api/leads/{leadId}/insurance-checks")
    public Mono<ResponseEntity<Object>> recheck(@PathVariable("leadId") String leadId,
            @RequestBody(required = false) RecheckRequest body) {
        if (!LEAD_ID.matcher(leadId).matches()) {
            return Mono.error(InvalidRequestException.of("leadId", "pattern", "A lead id of letters, digits, '-' or '_'."));
        }
        RecheckRequest corrections = body == null ? new RecheckRequest(null, null) : body;
        if (corrections.memberId() != null && !MEMBER_ID.matcher(corrections.memberId().strip()).matches()) {
            return Mono.error(InvalidRequestException.of("memberId", "pattern",
                    "2 to 30 letters, digits or '-', as printed on the insurance card."));
        }
        return directory.snapshot().flatMap(snapshot -> {
            if (corrections.payerId() != null && snapshot.byId(corrections.payerId()).isEmpty()) {
                return Mono.error(InvalidRequestException.of("payerId", "known-payer",
                        "Pick a payer from the directory (GET /api/payers)."));
            }
            // a re-check while another runs would report two results for one question: one at a time
            Mono<List<EligibilityCheck>> earlierChecks = checks.lockLead(leadId)
                    .then(checks.forLead(leadId).collectList());
            return actor().flatMap(actor -> tx.transactional(earlierChecks.flatMap(earlier -> {
                if (earlier.isEmpty()) {
                    return Mono.error(new NotFoundException("This lead has no insurance details to check."));
                }
                if (earlier.stream().anyMatch(check -> check.state() == CheckState.IN_PROGRESS)) {
                    return Mono.error(new ConflictException("A check for this lead is still running; its result will follow."));
                }
                EligibilityCheck last = earlier.get(0);
                CheckDraft draft = new CheckDraft(leadId, actor,
                        corrections.payerId() != null ? corrections.payerId() : last.payerId(), last.payerName(),
                        corrections.memberId() != null ? corrections.memberId().strip() : last.memberId(),
                        last.groupNumber(), last.subscriberRelationship(), last.subscriber());
                return intake.open(draft)
                        .flatMap(check -> audit.record(actor, AuditAction.CREATE, AUDIT_SUBJECT, leadId)
                                .then(attempts.forCheck(check.id()).collectList())
                                .map(log -> ResponseEntity.accepted()
                                        .location(URI.create("/api/checks?leadId=" + leadId))
                                        .body((Object) CheckView.of(check, log, List.of()))));
            })));
        });
    }

    private static Mono<String> actor() {
        return ReactiveSecurityContextHolder.getContext()
                .map(context -> context.getAuthentication())
                .map(Authentication::getName)
                .defaultIfEmpty("anonymous");
    }
}
