package com.leadflow.platform.web;

import io.swagger.v3.oas.annotations.media.Schema;

/**
 * One broken rule of a request, as a caller sees it in a 400 problem's {@code errors} list.
 *
 * @param field the JSON path of the field, e.g. {@code insurance.memberId} or {@code requestedServices[1]};
 *     {@code body} for the request as a whole
 * @param rule a stable, machine-readable rule name, e.g. {@code required}, {@code format}, {@code unknown-value}
 * @param message a sentence for a person; it names the rule and never repeats the submitted value
 */
@Schema(description = "One broken rule of a request")
public record FieldViolation(
        @Schema(description = "The JSON path of the field; body for the request as a whole", example = "contact.email") String field,
        @Schema(description = "A stable, machine-readable rule name", example = "format") String rule,
        @Schema(description = "A sentence for a person naming the rule, never the submitted value",
                example = "contact.email must be an email address") String message) {
}
