package com.leadflow.review.outcome;

/**
 * One broken input rule, named by field and rule; the message never quotes the value.
 *
 * @param rule a short rule name, e.g. {@code required} or {@code one-of}
 */
public record FieldViolation(String field, String rule, String message) {
}
