package com.leadflow.ops.flow;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;

/** A group is stuck when it has lag and its committed offset has not moved for the stall time. */
class CommitProgressTest {

    private final TopicPartition partition = new TopicPartition("leads.submitted", 0);
    private final Instant t0 = Instant.parse("2026-12-01T08:00:00Z");
    private final Duration stallAfter = Duration.ofMinutes(5);

    @Test
    void anOffsetThatDoesNotMoveWhileThereIsLagIsStuckAfterTheStallTime() {
        var progress = new CommitProgress();
        Instant since = progress.observe("review-service", partition, 10, t0);
        assertThat(progress.observe("review-service", partition, 10, t0.plusSeconds(299))).isEqualTo(since);
        assertThat(CommitProgress.stalled(4, since, t0.plusSeconds(299), stallAfter)).isFalse();
        assertThat(CommitProgress.stalled(4, since, t0.plusSeconds(300), stallAfter)).isTrue();
        // no lag: an idle group is not stuck however long its offset stays
        assertThat(CommitProgress.stalled(0, since, t0.plusSeconds(3600), stallAfter)).isFalse();
    }

    @Test
    void anOffsetThatMovesStartsTheClockAgain() {
        var progress = new CommitProgress();
        progress.observe("review-service", partition, 10, t0);
        Instant moved = progress.observe("review-service", partition, 11, t0.plusSeconds(400));
        assertThat(moved).isEqualTo(t0.plusSeconds(400));
        assertThat(CommitProgress.stalled(4, moved, t0.plusSeconds(401), stallAfter)).isFalse();
    }
}
