package com.leadflow.review.web;

import com.leadflow.platform.web.Problems;
import com.leadflow.review.claim.ReviewActionDenied;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Why a review action was refused, as RFC 9457 problem details: 404 no such review, 403 another
 * clinician holds it, 409 it is not in a state for the action. Bad input is answered by the
 * platform's shared advice. Ordered first, before the platform's catch-all.
 */
@RestControllerAdvice(assignableTypes = ReviewController.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class ReviewProblems {

    @ExceptionHandler(ReviewActionDenied.class)
    ResponseEntity<ProblemDetail> denied(ReviewActionDenied e) {
        ProblemDetail problem = switch (e.why()) {
            case NOT_FOUND -> Problems.of(HttpStatus.NOT_FOUND, "review-not-found", "Review not found", e.getMessage());
            case HELD_BY_SOMEONE_ELSE -> Problems.of(HttpStatus.FORBIDDEN, "review-held-by-another-clinician",
                    "Held by another clinician", e.getMessage());
            case CONFLICT -> Problems.of(HttpStatus.CONFLICT, "review-not-available", "Review not available",
                    e.getMessage());
        };
        return ResponseEntity.status(problem.getStatus()).body(problem);
    }
}
