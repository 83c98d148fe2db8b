package com.leadflow.ops.deadletter;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.ops.deadletter.DeadLetter.Coordinates;
import com.leadflow.ops.deadletter.DeadLetterBoard.Status;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Where dead letters stand, and the inbox grouped by original topic, consuming group and reason. */
class DeadLetterBoardTest {

    private final Instant t0 = Instant.parse("2026-12-01T08:00:00Z");
    private final Set<Coordinates> replayed = Set.of(new Coordinates("leads.status.dlt", 0, 1));
    private final DeadLetterBoard board = new DeadLetterBoard(c -> replayed.contains(c) ? 1 : 0, 3);

    @Test
    void aDeadLetterWaitsUntilReplayedAndIsParkedOnceItsEventWasReplayedAsOftenAsTheCapAllows() {
        assertThat(board.status(letter(0, "Rejected: a", 0, 0))).isEqualTo(Status.WAITING);
        assertThat(board.status(letter(1, "Rejected: a", 0, 0))).isEqualTo(Status.REPLAYED);
        assertThat(board.status(letter(2, "Rejected: a", 0, 3))).isEqualTo(Status.PARKED);
    }

    @Test
    void theInboxGroupsByOriginalTopicGroupAndReasonWithCountsAndTimes() {
        var summary = board.summarize(List.of(letter(0, "Rejected: a", 0, 0), letter(1, "Rejected: a", 60, 0),
                letter(2, "Rejected: a", 120, 0), letter(3, "Rejected: b", 30, 3)));

        assertThat(summary.groups()).hasSize(2);
        DeadLetterSummary.Group a = summary.groups().get(0);
        assertThat(a.reason()).isEqualTo("Rejected: a");
        assertThat(a.count()).isEqualTo(3);
        assertThat(a.waiting()).isEqualTo(2);
        assertThat(a.replayed()).isEqualTo(1);
        assertThat(a.firstSeen()).isEqualTo(t0);
        assertThat(a.lastSeen()).isEqualTo(t0.plusSeconds(120));
        assertThat(a.oldestWaitingAt()).isEqualTo(t0);
        assertThat(summary.groups().get(1).parked()).isEqualTo(1);
        assertThat(summary.byTopic().get("leads.status.dlt"))
                .isEqualTo(new DeadLetterSummary.TopicDepth(4, 2, 1, t0.plusSeconds(120)));
    }

    private DeadLetter letter(long offset, String reason, long secondsAfter, int replayCount) {
        return new DeadLetter("leads.status.dlt", 0, offset, t0.plusSeconds(secondsAfter), "lead-" + offset,
                "leads.status", "intake-service", reason, "com.leadflow.events.LeadStatusChanged", "e" + offset,
                "c" + offset, 7, 120, replayCount, Map.of());
    }
}
