package com.leadflow.review.web;

import com.leadflow.platform.web.InvalidRequestException;
import com.leadflow.review.claim.ReviewClaims;
import com.leadflow.review.outcome.OutcomeForm;
import com.leadflow.review.outcome.ReviewCompletions;
import com.leadflow.review.queue.DeadlinePolicy;
import com.leadflow.review.queue.ReviewQueue;
import com.leadflow.review.task.ReviewTask;
import com.leadflow.review.task.ReviewTime;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.security.Principal;
import java.time.Clock;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The clinicians' API: the queue, a review, and the claim, renew, release and complete actions. */
@Tag(name = "Reviews", description = "The clinicians' imaging review queue")
@RestController
@RequestMapping("/api/reviews")
class ReviewController {

    private final ReviewQueue queue;
    private final ReviewClaims claims;
    private final ReviewCompletions completions;
    private final DeadlinePolicy policy;
    private final Clock clock;

    ReviewController(ReviewQueue queue, ReviewClaims claims, ReviewCompletions completions, DeadlinePolicy policy,
            Clock clock) {
        this.queue = queue;
        this.claims = claims;
        this.completions = completions;
        this.policy = policy;
        this.clock = clock;
    }

    /** Open reviews in queue order; {@code ?waiting=imaging}: reviews asked for that wait for their imaging. */
    @Operation(summary = "The open reviews, in queue order",
            description = "Priority, due time, seconds left, overdue, stale imaging, holder, age band, the worst symptom or red flag, whether it has imaging and the newest study in words; ?waiting=imaging lists the reviews waiting for imaging.")
    @GetMapping
    Mono<List<ReviewJson.QueueItem>> openReviews(@RequestParam(required = false) String waiting) {
        if (waiting != null && !waiting.equals("imaging")) {
            return Mono.error(InvalidRequestException.of("waiting", "one-of", "Leave it out, or ask for waiting=imaging."));
        }
        Mono<List<ReviewTask>> tasks = waiting == null ? queue.openReviews() : queue.awaitingImaging();
        return tasks.flatMapMany(Flux::fromIterable).concatMap(queue::withImaging).collectList().map(reviews -> {
            var now = ReviewTime.now(clock);
            return reviews.stream().map(review -> ReviewJson.item(review, now, policy.calendar())).toList();
        });
    }

    @Operation(summary = "One review with its imaging",
            description = "Per study the date, description, body part and series, and review's own link to each file.")
    @GetMapping("/{reviewId}")
    Mono<ReviewJson.Task> review(@PathVariable String reviewId) {
        return queue.review(reviewId).map(this::json);
    }

    /** Claims the review at the head of the queue; 204 when there is none. */
    @Operation(summary = "Take the next review",
            description = "Claims the head of the queue; 204 when it is empty.")
    @PostMapping("/next")
    Mono<ResponseEntity<ReviewJson.Task>> claimNext(Principal principal) {
        return claims.claimNext(principal.getName())
                .flatMap(this::json)
                .map(ResponseEntity::ok)
                .defaultIfEmpty(ResponseEntity.noContent().build());
    }

    @Operation(summary = "Take this review",
            description = "409 when it is not claimable.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @PostMapping("/{reviewId}/claim")
    Mono<ReviewJson.Task> claim(@PathVariable String reviewId, Principal principal) {
        return claims.claim(reviewId, principal.getName()).flatMap(this::json);
    }

    @Operation(summary = "Keep holding the review",
            description = "Holder only: 403 when another clinician holds it, 409 when nobody does.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @PostMapping("/{reviewId}/renew")
    Mono<ReviewJson.Task> renew(@PathVariable String reviewId, Principal principal) {
        return claims.renew(reviewId, principal.getName()).flatMap(this::json);
    }

    @Operation(summary = "Give the review back to the queue",
            description = "Holder only: 403 when another clinician holds it, 409 when nobody does.")
    @ApiResponse(responseCode = "409", ref = "#/components/responses/Conflict")
    @PostMapping("/{reviewId}/release")
    Mono<ReviewJson.Task> release(@PathVariable String reviewId, Principal principal) {
        return claims.release(reviewId, principal.getName()).flatMap(this::json);
    }

    @Operation(summary = "Complete the review",
            description = "{outcome, recommendedProcedure, nextStep, informationNeeded, notes}; 400 names the field and rule.")
    @PostMapping("/{reviewId}/complete")
    Mono<ReviewJson.Task> complete(@PathVariable String reviewId, @RequestBody OutcomeForm form, Principal principal) {
        return completions.complete(reviewId, principal.getName(), form).flatMap(this::json);
    }

    private Mono<ReviewJson.Task> json(ReviewTask task) {
        return queue.withImaging(task).map(this::json);
    }

    private ReviewJson.Task json(ReviewQueue.ReviewWithImaging review) {
        return ReviewJson.task(review, ReviewTime.now(clock), policy.calendar());
    }
}
