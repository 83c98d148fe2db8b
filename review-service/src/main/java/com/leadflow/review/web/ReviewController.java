package com.leadflow.review.web;

import com.leadflow.platform.web.InvalidRequestException;
import com.leadflow.review.claim.ReviewClaims;
import com.leadflow.review.outcome.OutcomeForm;
import com.leadflow.review.outcome.ReviewCompletions;
import com.leadflow.review.queue.DeadlinePolicy;
import com.leadflow.review.queue.ReviewQueue;
import com.leadflow.review.task.ReviewTask;
import com.leadflow.review.task.ReviewTime;
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

    @GetMapping("/{reviewId}")
    Mono<ReviewJson.Task> review(@PathVariable String reviewId) {
        return queue.review(reviewId).map(this::json);
    }

    /** Claims the review at the head of the queue; 204 when there is none. */
    @PostMapping("/next")
    Mono<ResponseEntity<ReviewJson.Task>> claimNext(Principal principal) {
        return claims.claimNext(principal.getName())
                .flatMap(this::json)
                .map(ResponseEntity::ok)
                .defaultIfEmpty(ResponseEntity.noContent().build());
    }

    @PostMapping("/{reviewId}/claim")
    Mono<ReviewJson.Task> claim(@PathVariable String reviewId, Principal principal) {
        return claims.claim(reviewId, principal.getName()).flatMap(this::json);
    }

    @PostMapping("/{reviewId}/renew")
    Mono<ReviewJson.Task> renew(@PathVariable String reviewId, Principal principal) {
        return claims.renew(reviewId, principal.getName()).flatMap(this::json);
    }

    @PostMapping("/{reviewId}/release")
    Mono<ReviewJson.Task> release(@PathVariable String reviewId, Principal principal) {
        return claims.release(reviewId, principal.getName()).flatMap(this::json);
    }

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
