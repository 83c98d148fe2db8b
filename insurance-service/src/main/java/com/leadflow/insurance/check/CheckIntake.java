package com.leadflow.insurance.check;

import com.leadflow.insurance.config.InsuranceProperties;
import com.leadflow.insurance.eligibility.CheckState;
import com.leadflow.insurance.eligibility.Verdict;
import com.leadflow.insurance.payer.Payer;
import com.leadflow.insurance.payer.PayerDirectory;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.schemas.Topics;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Opens eligibility checks. A check the payer can answer online starts at once (reported as
 * started, and queued in the same transaction for its first attempt from the checks topic); one
 * that cannot ends here: a payer without
 * real-time checks, or one the directory does not know, goes to a care manager (pending); a missing
 * member id is not verified, and the patient can fix it. Must run inside the caller's transaction,
 * which the status event joins.
 */
@Component
public class CheckIntake {

    private final CheckStore checks;
    private final PayerDirectory directory;
    private final Outbox outbox;
    private final CheckQueue queue;
    private final InsuranceProperties properties;
    private final Clock clock;

    public CheckIntake(CheckStore checks, PayerDirectory directory, Outbox outbox, CheckQueue queue,
            InsuranceProperties properties, Clock clock) {
        this.checks = checks;
        this.directory = directory;
        this.outbox = outbox;
        this.queue = queue;
        this.properties = properties;
        this.clock = clock;
    }

    /** A lead without insurance details: said so on the timeline, so nobody waits for a check. */
    public Mono<Void> noInsuranceGiven(String leadId) {
        return outbox.record(Topics.LEADS_STATUS, leadId, StatusEvents.notProvided(leadId, clock.instant())).then();
    }

    public Mono<EligibilityCheck> open(CheckDraft draft) {
        return directory.snapshot().flatMap(snapshot -> {
            Optional<Payer> payer = snapshot.byId(draft.payerId())
                    .or(() -> snapshot.search().resolve(draft.payerName()));
            Instant now = clock.instant();
            if (draft.memberId() == null || draft.memberId().isBlank()) {
                return end(draft, payer, now, new Verdict(Verdict.Kind.NOT_VERIFIED, null, null, null,
                        "The member ID is missing. Please send it as printed on the insurance card.", true));
            }
            if (payer.isEmpty()) {
                return end(draft, payer, now, Verdict.pendingManual(null,
                        "The insurance company is not in the practice's directory; a care manager will call them."));
            }
            if (!payer.get().realTimeEligibility()) {
                return end(draft, payer, now, Verdict.pendingManual(null, payer.get().name()
                        + " does not answer online eligibility checks; a care manager will call them."));
            }
            // overdue (and queued again by the sweep) only if its chain of attempts breaks
            EligibilityCheck check = newCheck(draft, payer, now, CheckState.IN_PROGRESS,
                    now.plus(properties.worker().stalledAfter()), null, null, false);
            return checks.insert(check)
                    .then(outbox.record(Topics.LEADS_STATUS, check.leadId(), StatusEvents.started(check, now)))
                    .then(queue.enqueue(check))
                    .thenReturn(check);
        });
    }

    private Mono<EligibilityCheck> end(CheckDraft draft, Optional<Payer> payer, Instant now, Verdict verdict) {
        CheckState state = verdict.kind() == Verdict.Kind.PENDING_MANUAL ? CheckState.PENDING_MANUAL : CheckState.NOT_VERIFIED;
        EligibilityCheck check = newCheck(draft, payer, now, state, null, now, verdict.reason(), verdict.patientCanFix());
        return checks.insert(check)
                .then(outbox.record(Topics.LEADS_STATUS, check.leadId(),
                        StatusEvents.finished(check, state, verdict, 0, now)))
                .thenReturn(check);
    }

    private EligibilityCheck newCheck(CheckDraft draft, Optional<Payer> payer, Instant now, CheckState state,
            Instant nextAttemptAt, Instant completedAt, String reason, boolean patientCanFix) {
        return new EligibilityCheck(UUID.randomUUID(), draft.leadId(), draft.requestedBy(),
                payer.map(Payer::id).orElse(null), payer.map(Payer::name).orElse(
                        draft.payerName() == null || draft.payerName().isBlank() ? "an unnamed insurance company" : draft.payerName()),
                draft.memberId() == null ? "" : draft.memberId().strip(), draft.groupNumber(),
                draft.subscriberRelationship(), draft.subscriber(), state, 0, 0, nextAttemptAt,
                now.plus(properties.retry().window()), now, completedAt, null, null, reason, patientCanFix, 0);
    }
}
