package com.leadflow.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;

/**
 * The problems any operation may answer, as shared responses: a broken rule (400), no sign-in (401),
 * a missing role (403), nothing there (404), a failure on our side (500). An operation gets those
 * that can happen to it and keeps any of the same status it declares itself; the others (409, 413,
 * 415, 429) are there for operations to name with {@code @ApiResponse(ref = "#/components/responses/...")}.
 */
final class ProblemResponses {

    static final String INVALID = "InvalidRequest";
    static final String NOT_SIGNED_IN = "NotSignedIn";
    static final String ROLE_NEEDED = "RoleNeeded";
    static final String NOT_FOUND = "NotFound";
    static final String UNEXPECTED = "Unexpected";
    static final String CONFLICT = "Conflict";
    static final String TOO_LARGE = "TooLarge";
    static final String UNSUPPORTED = "UnsupportedMediaType";
    static final String TOO_MANY = "TooManyRequests";

    private static final Map<String, String> DESCRIPTIONS = Map.of(
            INVALID, "The request breaks a rule; errors names each field and rule (invalid-request)",
            NOT_SIGNED_IN, "No valid sign-in or access token (not-signed-in); WWW-Authenticate: Bearer",
            ROLE_NEEDED, "Signed in without a role this needs (role-needed, naming requiredRoles); "
                    + "or a change with the session cookie but without the CSRF token (csrf)",
            NOT_FOUND, "Nothing with that id or token (not-found)",
            CONFLICT, "The request conflicts with what is there (e.g. an Idempotency-Key reused for another body)",
            TOO_LARGE, "The body is over the size limit (body-too-large)",
            UNSUPPORTED, "The body, or a file in it, is not of a type this operation takes",
            TOO_MANY, "Too many requests from one client; Retry-After says when to try again (too-many-requests)",
            UNEXPECTED, "A failure on the service's side (unexpected); quote the X-Correlation-Id header when reporting it");

    private ProblemResponses() {
    }

    static void addTo(Components components) {
        DESCRIPTIONS.forEach((name, description) -> components.addResponses(name, new ApiResponse()
                .description(description)
                .content(new Content().addMediaType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON_VALUE,
                        new MediaType().schema(new Schema<>().$ref("#/components/schemas/Problem"))))));
    }

    static void removeStaffOnly(Components components) {
        components.getResponses().remove(NOT_SIGNED_IN);
        components.getResponses().remove(ROLE_NEEDED);
    }

    static void addTo(Operation operation, boolean isPublic) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        boolean takesInput = operation.getRequestBody() != null
                || (operation.getParameters() != null && !operation.getParameters().isEmpty());
        boolean namesSomething = operation.getParameters() != null
                && operation.getParameters().stream().map(Parameter::getIn).anyMatch("path"::equals);
        if (takesInput) {
            add(responses, "400", INVALID);
        }
        if (!isPublic) {
            add(responses, "401", NOT_SIGNED_IN);
            add(responses, "403", ROLE_NEEDED);
        }
        if (namesSomething) {
            add(responses, "404", NOT_FOUND);
        }
        add(responses, "500", UNEXPECTED);
    }

    private static void add(ApiResponses responses, String status, String name) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().$ref("#/components/responses/" + name));
        }
    }
}
