package com.leadflow.ops.overview;

import com.leadflow.ops.alert.Alert;
import com.leadflow.ops.deadletter.DeadLetterSummary;
import com.leadflow.ops.flow.FlowSnapshot;
import com.leadflow.ops.health.ComponentStatus;
import java.time.Instant;
import java.util.List;

/**
 * Everything the console knew at its last sample; replaced whole on each sample.
 *
 * @param problem why the last sample is missing parts (the broker away, say), or null
 */
public record OpsState(Instant sampledAt, FlowSnapshot flow, DeadLetterSummary deadLetters,
        List<ComponentStatus> components, List<Alert> alerts, String problem) {

    public static OpsState starting() {
        return new OpsState(null, FlowSnapshot.empty(), DeadLetterSummary.empty(), List.of(), List.of(),
                "The first sample is being taken");
    }
}
