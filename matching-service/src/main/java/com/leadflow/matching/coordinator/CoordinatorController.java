package com.leadflow.matching.coordinator;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the coordinator's page reads besides the registry and match APIs: the match board, the
 * wait-list with the reason each lead waits, and the words for every code it shows.
 */
@Tag(name = "Coordinator", description = "The ambassador coordinator's page: the match board, the wait-list and the words it shows")
@RestController
public class CoordinatorController {

    private final MatchBoard board;
    private final Waitlist waitlist;

    public CoordinatorController(MatchBoard board, Waitlist waitlist) {
        this.board = board;
        this.waitlist = waitlist;
    }

    @Operation(summary = "The match board",
            description = "proposed and accepted: all; declined and completed: the latest 50 each.")
    @GetMapping("/api/match-board")
    Mono<MatchBoard.Columns> board() {
        return board.columns();
    }

    @Operation(summary = "The wait-list",
            description = "leadId, waitingSince, condition, procedure, language and why; the first 200.")
    @GetMapping("/api/waitlist")
    Flux<WaitlistEntry> waitlist() {
        return waitlist.entries();
    }

    @Operation(summary = "Every code the page shows, in words")
    @GetMapping("/api/coordinator/choices")
    Choices.View choices() {
        return Choices.VIEW;
    }
}
