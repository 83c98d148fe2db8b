package com.leadflow.insurance.check;

import static com.leadflow.insurance.check.TestLeads.newLeadId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.leadflow.insurance.eligibility.CheckState;
import com.leadflow.insurance.eligibility.Coverage;
import com.leadflow.insurance.eligibility.Network;
import com.leadflow.insurance.eligibility.Subscriber;
import com.leadflow.insurance.eligibility.Verdict;
import com.leadflow.platform.db.ConsumerDatabase;
import com.leadflow.test.LeadflowIntegrationTest;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * An attempt's outcome against PostgreSQL, where it is one statement: what it writes, and that an
 * attempt counted meanwhile (by a redelivery, or another instance) makes a second write of the
 * same attempt change nothing.
 */
@LeadflowIntegrationTest
class OutcomeStoreTest {

    private static final Instant NOW = Instant.parse("2026-12-02T10:00:00Z");

    @Autowired
    OutcomeStore outcomes;
    @Autowired
    CheckStore checks;
    @Autowired
    AttemptStore attempts;
    @Autowired
    CoverageStore coverages;
    @Autowired
    ConsumerDatabase db;

    @Test
    void aFinalAnswerEndsTheCheckWithItsAttemptAndEveryCoverageLine() {
        EligibilityCheck check = inProgress();
        Coverage medical = new Coverage(true, "Aetna Choice POS II", LocalDate.of(2026, 1, 1), null, Network.IN_NETWORK,
                4000L, 20, 125000L, 430000L, true, "30");
        Coverage dental = new Coverage(false, null, null, LocalDate.of(2025, 12, 31), Network.UNKNOWN, null, null, null,
                null, null, null);
        Verdict verified = new Verdict(Verdict.Kind.VERIFIED, medical, List.of(medical, dental), null, null, false);

        assertThat(finish(check, verified)).isTrue();

        EligibilityCheck ended = db.inTransaction(() -> checks.find(check.id())).orElseThrow();
        assertThat(ended.state()).isEqualTo(CheckState.VERIFIED);
        assertThat(ended.attempts()).isEqualTo(1);
        assertThat(ended.coverage().planName()).isEqualTo("Aetna Choice POS II");
        assertThat(db.inTransaction(() -> attempts.forCheckNow(check.id())))
                .extracting(AttemptStore.Attempt::attempt, AttemptStore.Attempt::durationMs, AttemptStore.Attempt::verdict)
                .containsExactly(tuple(1, 180L, "VERIFIED"));
        assertThat(coverages.forCheck(check.id()).collectList().block(Duration.ofSeconds(5)))
                .containsExactly(new CoverageStore.ReturnedCoverage(1, medical), new CoverageStore.ReturnedCoverage(1, dental));
    }

    @Test
    void anAttemptCountedMeanwhileIsNotWrittenAgain() {
        EligibilityCheck check = inProgress();
        Coverage active = new Coverage(true, "Choice", null, null, Network.IN_NETWORK, null, null, null, null, null, "30");
        Verdict verified = new Verdict(Verdict.Kind.VERIFIED, active, List.of(active), null, null, false);
        assertThat(finish(check, verified)).isTrue();

        // the same attempt again, read before the first was written: its guard no longer holds
        Verdict later = Verdict.failed("The payer's answer could not be read");
        assertThat(finish(check, later)).isFalse();

        EligibilityCheck ended = db.inTransaction(() -> checks.find(check.id())).orElseThrow();
        assertThat(ended.state()).isEqualTo(CheckState.VERIFIED);
        assertThat(ended.attempts()).isEqualTo(1);
        assertThat(db.inTransaction(() -> attempts.forCheckNow(check.id()))).hasSize(1);
        assertThat(coverages.forCheck(check.id()).collectList().block(Duration.ofSeconds(5))).hasSize(1);
    }

    @Test
    void aTransientAnswerIsCountedOnceAndKeepsTheCheckInProgress() {
        EligibilityCheck check = inProgress();
        Verdict busy = Verdict.transientFailure("42", "The payer is busy");

        assertThat(countTransient(check, busy)).isTrue();
        assertThat(countTransient(check, busy)).isFalse();

        EligibilityCheck counted = db.inTransaction(() -> checks.find(check.id())).orElseThrow();
        assertThat(counted.state()).isEqualTo(CheckState.IN_PROGRESS);
        assertThat(counted.attempts()).isEqualTo(1);
        assertThat(counted.payerCode()).isEqualTo("42");
        assertThat(db.inTransaction(() -> attempts.forCheckNow(check.id())))
                .extracting(AttemptStore.Attempt::payerCode).containsExactly("42");
        assertThat(coverages.forCheck(check.id()).collectList().block(Duration.ofSeconds(5))).isEmpty();
    }

    private boolean finish(EligibilityCheck check, Verdict verdict) {
        CheckState state = verdict.kind() == Verdict.Kind.VERIFIED ? CheckState.VERIFIED : CheckState.FAILED;
        return db.inTransaction(() -> outcomes.record(CheckStore.finishing(check.id(), 0, 1, state, verdict, NOW),
                check.id(), 1, NOW, Duration.ofMillis(180), verdict));
    }

    private boolean countTransient(EligibilityCheck check, Verdict verdict) {
        return db.inTransaction(() -> outcomes.record(
                CheckStore.countingTransient(check.id(), 0, NOW.plusSeconds(60), verdict.payerCode()),
                check.id(), 1, NOW, Duration.ofMillis(180), verdict));
    }

    /** A check no listener attempts: in progress, its next attempt far off. */
    private EligibilityCheck inProgress() {
        Instant later = Instant.now().plus(Duration.ofHours(1));
        var check = new EligibilityCheck(UUID.randomUUID(), newLeadId(), EligibilityCheck.SYSTEM, "aetna", "Aetna",
                "W12345678", null, "SELF", new Subscriber("Jane", "Doe", LocalDate.of(1970, 1, 31)),
                CheckState.IN_PROGRESS, 0, 0, later, later.plus(Duration.ofHours(1)), NOW, null, null, null, null,
                false, 0);
        checks.insert(check).block(Duration.ofSeconds(5));
        return check;
    }
}
