package com.leadflow.intake.openapi;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.intake.Clients;
import com.leadflow.intake.IntakeIntegrationTest;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The public lead API (what the practice's web team and lead vendors build on) is served to anyone
 * and committed beside the code, so a change to it shows in review: the build fails while the
 * generated document differs from the committed one, and says how to regenerate it.
 */
@IntakeIntegrationTest
class PublicLeadApiDocumentTest {

    static final Path COMMITTED = Path.of("src/main/openapi/public-leads.json");
    static final String REGENERATE = "./mvnw -B -ntp -pl intake-service -am verify -Dtest=PublicLeadApiDocumentTest "
            + "-Dsurefire.failIfNoSpecifiedTests=false -Dleadflow.openapi.regenerate=true";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    @Autowired
    WebTestClient http;

    @Test
    void anyoneReadsThePublicDocumentAndItHoldsOnlyTheVisitorsOperations() {
        String json = publicDocument();
        var parsed = new OpenAPIV3Parser().readContents(json, null, new ParseOptions());
        assertThat(parsed.getMessages()).isEmpty();
        assertThat(parsed.getOpenAPI().getOpenapi()).startsWith("3.1");
        assertThat(parsed.getOpenAPI().getPaths().keySet()).containsExactlyInAnyOrderElementsOf(Set.of(
                "/api/disclosure", "/api/leads", "/api/imaging", "/api/status/{token}", "/api/status/{token}/events",
                "/api/status/{token}/imaging"));
        parsed.getOpenAPI().getPaths().forEach((path, item) -> item.readOperations().forEach(operation ->
                assertThat(operation.getSecurity()).as("security of %s", path).isEmpty()));
        assertThat(parsed.getOpenAPI().getSecurity()).as("no staff sign-in in the public document").isNullOrEmpty();
        assertThat(parsed.getOpenAPI().getComponents().getSchemas()).containsKeys("Problem", "LeadRequest");
    }

    @Test
    void theCommittedPublicDocumentIsTheOneTheCodeGenerates() throws IOException {
        JsonNode generated = JSON.readTree(publicDocument());
        String pretty = JSON.writeValueAsString(generated) + "\n";
        Path written = Path.of("target/openapi/public-leads.json");
        Files.createDirectories(written.getParent());
        Files.writeString(written, pretty);
        if (Boolean.getBoolean("leadflow.openapi.regenerate")) {
            Files.writeString(COMMITTED, pretty);
        }
        assertThat(Files.exists(COMMITTED)).as("intake-service/" + COMMITTED + " exists; create it with: " + REGENERATE)
                .isTrue();
        JsonNode committed = JSON.readTree(Files.readString(COMMITTED));
        assertThat(generated).as("The public lead API changed (the new document is in intake-service/" + written
                + "). If the change is meant, regenerate intake-service/" + COMMITTED + " with:\n  " + REGENERATE
                + "\nand commit it, so its readers see the change in review").isEqualTo(committed);
    }

    /** A web team copies the document's example: it must be a lead intake accepts, answered as the example shows. */
    @Test
    void theDocumentedExampleLeadIsAcceptedAndAnsweredInTheDocumentedShape() {
        JsonNode post = JSON.readTree(publicDocument()).path("paths").path("/api/leads").path("post");
        JsonNode example = exampleValue(post.path("requestBody").path("content").path("application/json"));
        JsonNode answerExample = exampleValue(post.path("responses").path("202").path("content").path("application/json"));

        JsonNode answer = JSON.readTree(http.post().uri("/api/leads").header("X-Forwarded-For", Clients.nextIp())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(example.toString()).exchange()
                .expectStatus().isAccepted()
                .expectBody(String.class).returnResult().getResponseBody());

        assertThat(answer.propertyNames()).containsExactlyInAnyOrderElementsOf(answerExample.propertyNames());
        assertThat(answer.path("statusUrl").asString()).startsWith("/status.html#");
    }

    private static JsonNode exampleValue(JsonNode mediaType) {
        JsonNode examples = mediaType.path("examples");
        assertThat(examples.isObject() && !examples.isEmpty()).as("examples in %s", mediaType).isTrue();
        JsonNode value = examples.iterator().next().path("value");
        return value.isString() ? JSON.readTree(value.asString()) : value;
    }

    private String publicDocument() {
        return http.mutate().responseTimeout(Duration.ofMinutes(2)).build()
                .get().uri("/v3/api-docs/public-leads").accept(MediaType.APPLICATION_JSON)
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }
}
