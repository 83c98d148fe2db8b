package com.leadflow.insurance.web;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;

/**
 * RFC 9457 answers in the shape every leadflow service uses ({@code errors: [{field, rule, message}]}).
 * Written here until platform's shared validation handler exists; messages name the field and the
 * rule, never the value sent.
 */
public final class Problems {

    private Problems() {
    }

    public static ResponseEntity<Object> badRequest(String field, String rule, String message) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, "The request is not valid.");
        problem.setType(URI.create("https://leadflow.example/problems/validation"));
        problem.setTitle("Invalid request");
        problem.setProperty("errors", List.of(Map.of("field", field, "rule", rule, "message", message)));
        return ResponseEntity.badRequest().body(problem);
    }

    public static ResponseEntity<Object> of(HttpStatus status, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setTitle(title);
        return ResponseEntity.status(status).body(problem);
    }
}
