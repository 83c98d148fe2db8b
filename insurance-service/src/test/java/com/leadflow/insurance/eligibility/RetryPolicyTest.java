package com.leadflow.insurance.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(30),
            Duration.ofMinutes(2));
    private final Instant start = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void backsOffExponentiallyUpToTheLongestWait() {
        assertThat(policy.backoffAfter(1)).isEqualTo(Duration.ofSeconds(2));
        assertThat(policy.backoffAfter(2)).isEqualTo(Duration.ofSeconds(4));
        assertThat(policy.backoffAfter(4)).isEqualTo(Duration.ofSeconds(16));
        assertThat(policy.backoffAfter(9)).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    void retriesOnlyWithinTheWindow() {
        assertThat(policy.nextAttempt(1, start, start.plusSeconds(1))).contains(start.plusSeconds(3));
        assertThat(policy.nextAttempt(6, start, start.plusSeconds(100))).isEmpty();
    }

    @Test
    void aTransientAnswerIsRetriedThenEndsAsFailedSayingHowOftenItWasTried() {
        Verdict busy = Verdict.transientFailure("42", "The insurance company's system could not answer right now.");
        assertThat(AfterAttempt.decide(busy, 1, start, start.plusSeconds(1), policy))
                .isInstanceOf(AfterAttempt.RetryAt.class);

        AfterAttempt last = AfterAttempt.decide(busy, 7, start, start.plusSeconds(119), policy);
        assertThat(last).isInstanceOfSatisfying(AfterAttempt.Finish.class, finish -> {
            assertThat(finish.state()).isEqualTo(CheckState.FAILED);
            assertThat(finish.verdict().reason()).contains("after 7 attempts").contains("care manager");
            assertThat(finish.verdict().payerCode()).isEqualTo("42");
        });
    }

    @Test
    void aFinalAnswerEndsTheCheckAtOnce() {
        Verdict notFound = new Verdict(Verdict.Kind.NOT_VERIFIED, null, List.of(), "75", "not found", true);
        assertThat(AfterAttempt.decide(notFound, 1, start, start, policy))
                .isEqualTo(new AfterAttempt.Finish(CheckState.NOT_VERIFIED, notFound));
    }
}
