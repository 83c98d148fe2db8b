package com.leadflow.platform.web;

import java.util.List;

/**
 * A request that breaks one or more field rules; answered with 400 problem details listing each.
 * The exception's message names only the fields, never their values, so it is safe to log.
 */
public class InvalidRequestException extends RuntimeException {

    private final transient List<FieldViolation> violations;

    public InvalidRequestException(List<FieldViolation> violations) {
        super("Invalid request: " + violations.stream().map(v -> v.field() + " (" + v.rule() + ")").toList());
        this.violations = List.copyOf(violations);
    }

    public static InvalidRequestException of(String field, String rule, String message) {
        return new InvalidRequestException(List.of(new FieldViolation(field, rule, message)));
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
