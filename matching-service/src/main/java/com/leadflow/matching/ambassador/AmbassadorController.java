package com.leadflow.matching.ambassador;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.util.UUID;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The ambassador registry's API: admins add, change, pause, resume and retire; care managers look up. */
@Tag(name = "Ambassadors", description = "The registry of past patients who volunteer to talk")
@RestController
@RequestMapping("/api/ambassadors")
public class AmbassadorController {

    private final AmbassadorRegistry registry;

    public AmbassadorController(AmbassadorRegistry registry) {
        this.registry = registry;
    }

    @Operation(summary = "The registry of past patients",
            description = "COORDINATOR, ADMIN or CARE_MANAGER.")
    @GetMapping
    Flux<AmbassadorView> all() {
        return registry.all().map(AmbassadorView::of);
    }

    @Operation(summary = "One past patient",
            description = "COORDINATOR, ADMIN or CARE_MANAGER.")
    @GetMapping("/{id}")
    Mono<AmbassadorView> one(@PathVariable UUID id) {
        return registry.get(id).map(AmbassadorView::of);
    }

    @Operation(summary = "Add a past patient",
            description = "Capacity, languages, condition and procedure, and when and how consent was given; COORDINATOR or ADMIN.")
    @PostMapping
    Mono<ResponseEntity<AmbassadorView>> add(@RequestBody AmbassadorForm form) {
        return registry.add(form).map(a -> ResponseEntity.created(URI.create("/api/ambassadors/" + a.id()))
                .body(AmbassadorView.of(a)));
    }

    @Operation(summary = "Change a past patient",
            description = "COORDINATOR or ADMIN.")
    @PutMapping("/{id}")
    Mono<AmbassadorView> update(@PathVariable UUID id, @RequestBody AmbassadorForm form) {
        return registry.update(id, form).map(AmbassadorView::of);
    }

    @Operation(summary = "Pause: no new matches for now",
            description = "COORDINATOR or ADMIN.")
    @PostMapping("/{id}/pause")
    Mono<AmbassadorView> pause(@PathVariable UUID id) {
        return registry.pause(id).map(AmbassadorView::of);
    }

    @Operation(summary = "Resume after a pause",
            description = "COORDINATOR or ADMIN.")
    @PostMapping("/{id}/resume")
    Mono<AmbassadorView> resume(@PathVariable UUID id) {
        return registry.resume(id).map(AmbassadorView::of);
    }

    @Operation(summary = "Retire from the program",
            description = "COORDINATOR or ADMIN.")
    @PostMapping("/{id}/retire")
    Mono<AmbassadorView> retire(@PathVariable UUID id) {
        return registry.retire(id).map(AmbassadorView::of);
    }
}
