package com.leadflow.ops.overview;

import com.leadflow.ops.config.OpsProperties;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The page's main view: the latest sample, with the settings that explain it. */
@Tag(name = "Overview", description = "The ops console's page: health, topics, lag, outbox backlogs and alerts")
@RestController
class OverviewController {

    private final OpsSampler sampler;
    private final OpsProperties properties;

    OverviewController(OpsSampler sampler, OpsProperties properties) {
        this.sampler = sampler;
        this.properties = properties;
    }

    @Operation(summary = "The latest sample",
            description = "The state the page shows and the settings behind it: interval, stall time, cap, thresholds.")
    @GetMapping("/api/overview")
    Map<String, Object> overview() {
        OpsState state = sampler.state();
        return Map.of(
                "state", state,
                "settings", Map.of(
                        "sampleIntervalSeconds", properties.sampleInterval().toSeconds(),
                        "historyMinutes", properties.history().toMinutes(),
                        "stallAfterSeconds", properties.stallAfter().toSeconds(),
                        "replayCap", properties.replay().cap(),
                        "careManagerUrl", properties.careManagerUrl(),
                        "alerts", properties.alerts()));
    }
}
