package com.leadflow.ops.deadletter;

import com.leadflow.ops.deadletter.DeadLetter.Coordinates;
import com.leadflow.ops.deadletter.DeadLetterBoard.Status;
import com.leadflow.platform.web.InvalidRequestException;
import com.leadflow.platform.web.NotFoundException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The dead-letter inbox: groups at a glance, then each dead letter's metadata (never its value). */
@Tag(name = "Dead letters", description = "The dead-letter inbox, never a value's bytes")
@RestController
class DeadLetterController {

    private static final int MAX_LIMIT = 500;

    private final DeadLetterInbox inbox;
    private final DeadLetterBoard board;

    DeadLetterController(DeadLetterInbox inbox, DeadLetterBoard board) {
        this.inbox = inbox;
        this.board = board;
    }

    @Operation(summary = "The dead-letter inbox",
            description = "The summary and the newest matching dead letters; filters originalTopic, group, reason, status (waiting, replayed, parked), limit 1..500.")
    @GetMapping("/api/dead-letters")
    Map<String, Object> deadLetters(@RequestParam(required = false) String originalTopic,
            @RequestParam(required = false) String group, @RequestParam(required = false) String reason,
            @RequestParam(required = false) String status, @RequestParam(defaultValue = "100") String limit) {
        int max = limit(limit);
        Status wanted = status(status);
        List<DeadLetter> all = inbox.all();
        List<DeadLetterBoard.View> matching = new ArrayList<>(board.views(all).stream()
                .filter(view -> originalTopic == null || view.deadLetter().originalTopic().equals(originalTopic))
                .filter(view -> group == null || view.deadLetter().group().equals(group))
                .filter(view -> reason == null || view.deadLetter().reason().equals(reason))
                .filter(view -> wanted == null || view.status() == wanted)
                .toList());
        Collections.reverse(matching);
        return Map.of(
                "summary", board.summarize(all),
                "matching", matching.size(),
                "deadLetters", matching.subList(0, Math.min(max, matching.size())));
    }

    @Operation(summary = "One dead letter",
            description = "Its metadata and where it stands.")
    @GetMapping("/api/dead-letters/{topic}/{partition}/{offset}")
    DeadLetterBoard.View deadLetter(@PathVariable String topic, @PathVariable int partition, @PathVariable long offset) {
        return inbox.find(new Coordinates(topic, partition, offset))
                .map(letter -> board.views(List.of(letter)).get(0))
                .orElseThrow(() -> new NotFoundException("Dead letter not found"));
    }

    private static int limit(String limit) {
        try {
            int value = Integer.parseInt(limit);
            if (value >= 1 && value <= MAX_LIMIT) {
                return value;
            }
        } catch (NumberFormatException notANumber) {
            // answered below
        }
        throw InvalidRequestException.of("limit", "range", "The limit is a whole number from 1 to " + MAX_LIMIT + ".");
    }

    private static Status status(String status) {
        if (status == null || status.isBlank()) {
            return null;
        }
        try {
            return Status.valueOf(status.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException unknown) {
            throw InvalidRequestException.of("status", "unknown-value", "The status is waiting, replayed or parked.");
        }
    }
}
