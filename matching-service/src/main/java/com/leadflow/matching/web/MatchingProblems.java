package com.leadflow.matching.web;

import com.leadflow.matching.match.MatchTransitionRefused;
import com.leadflow.platform.web.Problems;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Answers a missing record with 404 and a clash with the record's state with 409, in the
 * platform's problem format. Ordered before the platform's handler, which answers everything it
 * does not know with 500. Field rules (400) are the platform's.
 */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class MatchingProblems {

    @ExceptionHandler(NotFound.class)
    ProblemDetail notFound(NotFound e) {
        return Problems.of(HttpStatus.NOT_FOUND, "not-found", "Not found", e.getMessage());
    }

    @ExceptionHandler(Conflict.class)
    ProblemDetail conflict(Conflict e) {
        return Problems.of(HttpStatus.CONFLICT, "conflict", "Conflict", e.getMessage());
    }

    @ExceptionHandler(MatchTransitionRefused.class)
    ProblemDetail refused(MatchTransitionRefused e) {
        return Problems.of(HttpStatus.CONFLICT, "match-state", "Conflict", e.getMessage());
    }
}
