package com.leadflow.ops.alert;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.ops.config.OpsProperties;
import com.leadflow.ops.deadletter.DeadLetterSummary;
import com.leadflow.ops.flow.FlowSnapshot;
import com.leadflow.ops.flow.FlowSnapshot.GroupLag;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The page's alerts behave as the Prometheus rules do: a lagging group fires after the hold time and resolves at once. */
class AlertBoardTest {

    private final OpsProperties properties = new OpsProperties(Duration.ofSeconds(15), Duration.ofHours(1),
            Duration.ofMinutes(5), List.of(), null, null, null, null, "", new OpsProperties.Replay(3, 500, Duration.ofMinutes(30)),
            new OpsProperties.Trace(Duration.ofHours(24), Duration.ofDays(30), 1000),
            new OpsProperties.Alerts(120, 60, Duration.ofMinutes(2)));
    private final AlertBoard board = new AlertBoard(properties);
    private final Instant t0 = Instant.parse("2026-12-01T08:00:00Z");

    @Test
    void aGroupBehindFiresOnlyAfterTheHoldTimeAndResolvesWhenItCatchesUp() {
        assertThat(lagging(board.evaluate(flow(130), DeadLetterSummary.empty(), List.of(), t0)).state()).isEqualTo("pending");
        assertThat(lagging(board.evaluate(flow(190), DeadLetterSummary.empty(), List.of(), t0.plusSeconds(119))).state())
                .isEqualTo("pending");
        Alert firing = lagging(board.evaluate(flow(250), DeadLetterSummary.empty(), List.of(), t0.plusSeconds(120)));
        assertThat(firing.state()).isEqualTo("firing");
        assertThat(firing.subjects()).containsExactly("review-service on leads.submitted");
        assertThat(firing.threshold()).isEqualTo("lag over 2 minutes for 2 minutes");
        assertThat(lagging(board.evaluate(flow(0), DeadLetterSummary.empty(), List.of(), t0.plusSeconds(135))).state())
                .isEqualTo("ok");
    }

    private static Alert lagging(List<Alert> alerts) {
        return alerts.stream().filter(a -> a.name().equals("LeadflowConsumerLagging")).findFirst().orElseThrow();
    }

    private FlowSnapshot flow(double lagSeconds) {
        return new FlowSnapshot(t0, List.of(), List.of(new GroupLag("review-service", "leads.submitted", "STABLE",
                List.of(), lagSeconds > 0 ? 3 : 0, lagSeconds, false, null, List.of())));
    }
}
