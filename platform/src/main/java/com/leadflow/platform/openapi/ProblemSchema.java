package com.leadflow.platform.openapi;

import com.leadflow.platform.web.FieldViolation;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.util.List;

/**
 * The RFC 9457 problem details every leadflow service answers errors with, as the documents show
 * them (written by {@code Problems}, {@code ProblemDetailsAdvice} and {@code DeniedResponses}; this
 * record only describes them).
 */
@Schema(name = "Problem", description = "RFC 9457 problem details. Never repeats a submitted value.")
record ProblemSchema(
        @Schema(description = "What kind of problem; the last segment names it", requiredMode = Schema.RequiredMode.REQUIRED,
                example = "https://leadflow.example/problems/invalid-request") URI type,
        @Schema(description = "A short summary of the kind", example = "Invalid request") String title,
        @Schema(description = "The HTTP status", requiredMode = Schema.RequiredMode.REQUIRED, example = "400") int status,
        @Schema(description = "What went wrong, for a person", example = "One field breaks a rule.") String detail,
        @Schema(description = "The request's path (a status link's token masked)", example = "/api/leads") String instance,
        @Schema(description = "With invalid-request (400): each broken rule, naming the field") List<FieldViolation> errors,
        @Schema(description = "With role-needed (403): the roles that would open the path", example = "[\"CARE_MANAGER\"]")
        List<String> requiredRoles) {
}
