package com.leadflow.matching.match;

import com.leadflow.matching.validation.Checks;
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
@RestController
@RequestMapping("/api/matches")
public class MatchController {

    private final MatchActions actions;

    public MatchController(MatchActions actions) {
        this.actions = actions;
    }

    @GetMapping
    Flux<MatchView> forLead(@RequestParam(required = false) String leadId) {
        return Mono.fromSupplier(() -> {
            Checks checks = new Checks();
            String id = checks.text("leadId", leadId, 100, null, null);
            checks.throwIfAny();
            return id;
        }).flatMapMany(actions::forLead).map(MatchView::of);
    }

    @GetMapping("/{id}")
    Mono<MatchView> one(@PathVariable UUID id) {
        return actions.get(id).map(MatchView::of);
    }

    @PostMapping("/{id}/accept")
    Mono<MatchView> accept(@PathVariable UUID id) {
        return actions.accept(id).map(MatchView::of);
    }

    @PostMapping("/{id}/decline")
    Mono<MatchView> decline(@PathVariable UUID id) {
        return actions.decline(id).map(MatchView::of);
    }

    @PostMapping("/{id}/complete")
    Mono<MatchView> complete(@PathVariable UUID id, @RequestBody(required = false) FeedbackForm form) {
        return Mono.fromSupplier(() -> (form == null ? new FeedbackForm(null, null) : form).toFeedback())
                .flatMap(feedback -> actions.complete(id, feedback))
                .map(MatchView::of);
    }
}
