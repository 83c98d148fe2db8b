package com.leadflow.insurance.check;

import com.leadflow.events.LeadStatusChanged;
import com.leadflow.insurance.config.InsuranceProperties;
import com.leadflow.insurance.eligibility.CheckState;
import com.leadflow.insurance.eligibility.Verdict;
import com.leadflow.insurance.payer.Payer;
import com.leadflow.insurance.payer.PayerDirectory;
import com.leadflow.platform.consumer.Event;
import com.leadflow.platform.id.TimeOrderedUuid;
import com.leadflow.platform.outbox.Outbox;
import com.leadflow.schemas.Topics;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Opens eligibility checks. A check the payer can answer online starts at once (reported as
 * started, and queued in the same transaction for its first attempt from the checks topic); one
 * that cannot ends here: a payer without
 * real-time checks, or one the directory does not know, goes to a care manager (pending); a missing
 * member id is not verified, and the patient can fix it. Must run inside the caller's transaction,
 * which the status event joins.
 *
 * <p>What a check is and which events report it is decided once ({@link #decide}) for both ways in:
 * a care manager's re-check over HTTP writes it on R2DBC ({@link #open}), a poll of submitted leads
 * on JDBC in the poll's transaction, all of its checks in one batch ({@link #openAll}).
 */
@Component
public class CheckIntake {

    /** How long a poll waits for the payer directory; it is read from the database once, then kept. */
    private static final Duration DIRECTORY_WAIT = Duration.ofSeconds(30);

    /**
     * A submitted lead as the intake takes it: the event that brought it (whose correlation and trace
     * its events carry), its lead id, and the check it asks for, or none when it gave no insurance details.
     */
    public record Submission(Event<?> cause, String leadId, CheckDraft draft) {
    }

    /** What opening a check comes to: the check as stored, and the status event that reports it. */
    record Opening(EligibilityCheck check, LeadStatusChanged status) {
    }

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

    /** Opens a check in the caller's R2DBC transaction (a care manager's re-check). */
    public Mono<EligibilityCheck> open(CheckDraft draft) {
        return directory.snapshot().flatMap(snapshot -> {
            Opening opening = decide(draft, snapshot, clock.instant());
            EligibilityCheck check = opening.check();
            return checks.insert(check)
                    .then(outbox.record(Topics.LEADS_STATUS, check.leadId(), opening.status()))
                    .then(queue.enqueue(check))
                    .thenReturn(check);
        });
    }

    /**
     * Takes a poll's submitted leads in this thread's JDBC transaction (the poll's): their checks
     * in one batch, then each lead's events through the outbox in the leads' order (its status
     * event, then the ticket of a check in progress), or, for a lead that gave no insurance
     * details, the event that says so, so nobody waits for a check.
     */
    public void openAll(List<Submission> submissions) {
        PayerDirectory.Snapshot snapshot = submissions.stream().anyMatch(s -> s.draft() != null)
                ? directory.snapshot().block(DIRECTORY_WAIT) : null;
        List<Opening> openings = new ArrayList<>(submissions.size());
        for (Submission submission : submissions) {
            openings.add(submission.draft() == null ? null : decide(submission.draft(), snapshot, clock.instant()));
        }
        checks.insertAll(openings.stream().filter(Objects::nonNull).map(Opening::check).toList());
        for (int i = 0; i < submissions.size(); i++) {
            Submission submission = submissions.get(i);
            Opening opening = openings.get(i);
            if (opening == null) {
                outbox.add(submission.cause(), Topics.LEADS_STATUS, submission.leadId(),
                        StatusEvents.notProvided(submission.leadId(), clock.instant()));
            } else {
                outbox.add(submission.cause(), Topics.LEADS_STATUS, opening.check().leadId(), opening.status());
                queue.add(submission.cause(), opening.check());
            }
        }
    }

    /** The check a draft opens and the status event that reports it, from the directory as it stands. */
    Opening decide(CheckDraft draft, PayerDirectory.Snapshot snapshot, Instant now) {
        Optional<Payer> payer = snapshot.byId(draft.payerId())
                .or(() -> snapshot.search().resolve(draft.payerName()));
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
        return new Opening(check, StatusEvents.started(check, now));
    }

    private Opening end(CheckDraft draft, Optional<Payer> payer, Instant now, Verdict verdict) {
        CheckState state = verdict.kind() == Verdict.Kind.PENDING_MANUAL ? CheckState.PENDING_MANUAL : CheckState.NOT_VERIFIED;
        EligibilityCheck check = newCheck(draft, payer, now, state, null, now, verdict.reason(), verdict.patientCanFix());
        return new Opening(check, StatusEvents.finished(check, state, verdict, 0, now));
    }

    private EligibilityCheck newCheck(CheckDraft draft, Optional<Payer> payer, Instant now, CheckState state,
            Instant nextAttemptAt, Instant completedAt, String reason, boolean patientCanFix) {
        return new EligibilityCheck(TimeOrderedUuid.next(), draft.leadId(), draft.requestedBy(),
                payer.map(Payer::id).orElse(null), payer.map(Payer::name).orElse(
                        draft.payerName() == null || draft.payerName().isBlank() ? "an unnamed insurance company" : draft.payerName()),
                draft.memberId() == null ? "" : draft.memberId().strip(), draft.groupNumber(),
                draft.subscriberRelationship(), draft.subscriber(), state, 0, 0, nextAttemptAt,
                now.plus(properties.retry().window()), now, completedAt, null, null, reason, patientCanFix, 0);
    }
}
