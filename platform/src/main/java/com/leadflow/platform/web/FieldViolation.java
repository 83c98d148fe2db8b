package com.leadflow.platform.web;

/**
 * One broken rule of a request, as a caller sees it in a 400 problem's {@code errors} list.
 *
 * @param field the JSON path of the field, e.g. {@code insurance.memberId} or {@code requestedServices[1]};
 *     {@code body} for the request as a whole
 * @param rule a stable, machine-readable rule name, e.g. {@code required}, {@code format}, {@code unknown-value}
 * @param message a sentence for a person; it names the rule and never repeats the submitted value
 */
public record FieldViolation(String field, String rule, String message) {
}
