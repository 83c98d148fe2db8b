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
    void asksAsOftenAsTheBackoffsFitInTheWindow() {
        // 2 + 4 + 8 + 16 + 30 + 30 = 90 s; one more 30 s wait still fits in 2 minutes, the next does not
        assertThat(policy.maxAttempts()).isEqualTo(8);
        assertThat(new RetryPolicy(Duration.ofSeconds(2), 2.0, Duration.ofSeconds(30), Duration.ZERO).maxAttempts())
                .isEqualTo(1);
        assertThat(new RetryPolicy(Duration.ofMillis(1), 1.0, Duration.ofMillis(1), Duration.ofDays(1)).maxAttempts())
                .isEqualTo(RetryPolicy.MOST_ATTEMPTS);
    }

    @Test
    void aTransientAnswerIsRetriedThenEndsAsFailedSayingHowOftenItWasTried() {
        Verdict busy = Verdict.transientFailure("42", "The insurance company's system could not answer right now.");
        assertThat(AfterAttempt.of(busy)).isInstanceOf(AfterAttempt.Retry.class);

        AfterAttempt.Finish last = AfterAttempt.gaveUp(busy, 7, start, start.plusSeconds(119));
        assertThat(last.state()).isEqualTo(CheckState.FAILED);
        assertThat(last.verdict().reason()).contains("after 7 attempts").contains("care manager");
        assertThat(last.verdict().payerCode()).isEqualTo("42");
    }

    @Test
    void aFinalAnswerEndsTheCheckAtOnce() {
        Verdict notFound = new Verdict(Verdict.Kind.NOT_VERIFIED, null, List.of(), "75", "not found", true);
        assertThat(AfterAttempt.of(notFound)).isEqualTo(new AfterAttempt.Finish(CheckState.NOT_VERIFIED, notFound));
    }
}
