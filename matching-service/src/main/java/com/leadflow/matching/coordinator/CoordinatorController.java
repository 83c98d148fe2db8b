package com.leadflow.matching.coordinator;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the coordinator's page reads besides the registry and match APIs: the match board, the
 * wait-list with the reason each lead waits, and the words for every code it shows.
 */
@RestController
public class CoordinatorController {

    private final MatchBoard board;
    private final Waitlist waitlist;

    public CoordinatorController(MatchBoard board, Waitlist waitlist) {
        this.board = board;
        this.waitlist = waitlist;
    }

    @GetMapping("/api/match-board")
    Mono<MatchBoard.Columns> board() {
        return board.columns();
    }

    @GetMapping("/api/waitlist")
    Flux<WaitlistEntry> waitlist() {
        return waitlist.entries();
    }

    @GetMapping("/api/coordinator/choices")
    Choices.View choices() {
        return Choices.VIEW;
    }
}
