package com.leadflow.insurance.check;

import com.leadflow.insurance.eligibility.Coverage;
import com.leadflow.insurance.eligibility.MemberIdMask;
import java.time.Instant;
import java.util.List;

/**
 * A check as a care manager sees it: the member id masked to its last four characters, the
 * subscriber's name and birth date left out (the lead's own record holds them).
 */
public record CheckView(
        String checkId,
        String leadId,
        String requestedBy,
        String payerId,
        String payerName,
        String memberId,
        String state,
        int attempts,
        Instant createdAt,
        Instant completedAt,
        Long durationMs,
        Coverage coverage,
        String payerCode,
        String reason,
        boolean patientCanFix,
        int coveragesReturned,
        List<CoverageStore.ReturnedCoverage> coveragesReturnedByAttempt,
        List<AttemptStore.Attempt> attemptLog) {

    static CheckView of(EligibilityCheck check, List<AttemptStore.Attempt> attempts,
            List<CoverageStore.ReturnedCoverage> coverages) {
        Long duration = check.completedAt() == null ? null
                : check.completedAt().toEpochMilli() - check.createdAt().toEpochMilli();
        return new CheckView(check.id().toString(), check.leadId(), check.requestedBy(), check.payerId(),
                check.payerName(), MemberIdMask.mask(check.memberId()), check.state().name(), check.attempts(),
                check.createdAt(), check.completedAt(), duration, check.coverage(), check.payerCode(), check.reason(),
                check.patientCanFix(), check.coveragesReturned(), coverages, attempts);
    }
}
