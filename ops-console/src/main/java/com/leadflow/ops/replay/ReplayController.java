package com.leadflow.ops.replay;

import com.leadflow.platform.correlation.Correlation;
import com.leadflow.platform.web.InvalidRequestException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Replays in two steps: {@code POST /api/replays/dry-run} with a selection answers the plan
 * (nothing is sent); {@code POST /api/replays} with the plan's id and a reason carries it out.
 */
@Tag(name = "Replays", description = "Sending dead letters back to their topic, with a dry run and audit")
@RestController
class ReplayController {

    private final ReplayService replays;
    private final ReplayAudit audit;

    ReplayController(ReplayService replays, ReplayAudit audit) {
        this.replays = replays;
        this.audit = audit;
    }

    @Operation(summary = "Plan a replay",
            description = "{deadLetters: [{topic, partition, offset}]} or {originalTopic, group, reason, from, to}: each dead letter with its replay count and whether it would be replayed or parked; nothing is sent.")
    @PostMapping("/api/replays/dry-run")
    Mono<ReplayPlan> dryRun(@RequestBody ReplaySelection selection) {
        return actor().map(actor -> replays.plan(selection, actor));
    }

    @Operation(summary = "Carry out a plan",
            description = "{planId, reason}: 201; sends exactly that plan; 409 for an unknown or expired plan. Audited.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @PostMapping("/api/replays")
    @ResponseStatus(HttpStatus.CREATED)
    Mono<ReplayOutcome> replay(@RequestBody ReplayRequest request) {
        UUID planId = parse(request.planId());
        return actor().zipWith(Correlation.current())
                .publishOn(Schedulers.boundedElastic())
                .map(who -> replays.replay(planId, request.reason(), who.getT1(), who.getT2()));
    }

    @Operation(summary = "The latest replays",
            description = "The latest 50, from the audit.")
    @GetMapping("/api/replays")
    Mono<List<Map<String, Object>>> latest() {
        return audit.latest(50);
    }

    private static UUID parse(String planId) {
        if (planId == null || planId.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(planId.trim());
        } catch (IllegalArgumentException notAUuid) {
            throw InvalidRequestException.of("planId", "format", "The plan id is the one a dry run answered.");
        }
    }

    private static Mono<String> actor() {
        return ReactiveSecurityContextHolder.getContext().map(SecurityContext::getAuthentication)
                .map(Authentication::getName);
    }

    /** Carries out a dry run's plan; the reason goes into the audit. */
    record ReplayRequest(String planId, String reason) {
    }
}
