package com.leadflow.matching.match;

import com.leadflow.matching.validation.Checks;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.UUID;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Matches for care managers: look them up, record the ambassador's answer and the visitor's feedback. */
@Tag(name = "Matches", description = "A prospective patient paired with a past patient")
@RestController
@RequestMapping("/api/matches")
public class MatchController {

    private final MatchActions actions;

    public MatchController(MatchActions actions) {
        this.actions = actions;
    }

    @Operation(summary = "The matches of a lead",
            description = "?leadId=; COORDINATOR, ADMIN or CARE_MANAGER.")
    @GetMapping
    Flux<MatchView> forLead(@RequestParam(required = false) String leadId) {
        return Mono.fromSupplier(() -> {
            Checks checks = new Checks();
            String id = checks.text("leadId", leadId, 100, null, null);
            checks.throwIfAny();
            return id;
        }).flatMapMany(actions::forLead).map(MatchView::of);
    }

    @Operation(summary = "One match")
    @GetMapping("/{id}")
    Mono<MatchView> one(@PathVariable UUID id) {
        return actions.get(id).map(MatchView::of);
    }

    @Operation(summary = "Accept the proposal",
            description = "For the ambassador or the visitor.")
    @PostMapping("/{id}/accept")
    Mono<MatchView> accept(@PathVariable UUID id) {
        return actions.accept(id).map(MatchView::of);
    }

    @Operation(summary = "Decline the proposal",
            description = "For the ambassador or the visitor.")
    @PostMapping("/{id}/decline")
    Mono<MatchView> decline(@PathVariable UUID id) {
        return actions.decline(id).map(MatchView::of);
    }

    @Operation(summary = "Record how the conversation went",
            description = "{rating: 1-5, comment}.")
    @PostMapping("/{id}/complete")
    Mono<MatchView> complete(@PathVariable UUID id, @RequestBody(required = false) FeedbackForm form) {
        return Mono.fromSupplier(() -> (form == null ? new FeedbackForm(null, null) : form).toFeedback())
                .flatMap(feedback -> actions.complete(id, feedback))
                .map(MatchView::of);
    }
}
