package com.leadflow.test;

import static org.assertj.core.api.Assertions.assertThat;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.parser.OpenAPIV3Parser;
import io.swagger.v3.parser.core.models.ParseOptions;
import io.swagger.v3.parser.core.models.SwaggerParseResult;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.result.method.annotation.RequestMappingHandlerMapping;

/**
 * What every service's API description must be: an OpenAPI 3.1 document, generated from the running
 * service, that swagger-parser reads without a complaint; that describes every endpoint the code maps
 * (controller methods and router functions), each with the platform's problem responses; whose
 * "needs no sign-in" matches what the security rules let through; and which, with Swagger UI, only
 * signed-in staff can read. A service's test extends this with its own test annotation, reusing the
 * Spring context its other tests start.
 */
public abstract class OpenApiDocumentScenarios {

    @Autowired
    protected WebTestClient http;

    @Autowired
    private ApplicationContext context;

    /** Who reads the document: a demo user of the service's staff (HTTP Basic, tests only). */
    protected abstract String staffUser();

    @BeforeEach
    void patientClient() {
        http = http.mutate().responseTimeout(Duration.ofSeconds(30)).build();
    }

    @Test
    void theServiceDescribesItsApiInAValidOpenApi31Document() {
        String json = staffDocument();
        ParseOptions options = new ParseOptions();
        options.setResolve(true);
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, options);
        assertThat(parsed.getMessages()).as("swagger-parser's complaints").isEmpty();
        OpenAPI api = parsed.getOpenAPI();
        assertThat(api.getOpenapi()).startsWith("3.1");
        assertThat(api.getInfo().getTitle()).isNotBlank();
        assertThat(api.getInfo().getVersion()).isNotBlank();
        assertThat(api.getServers()).isNotEmpty();
        assertThat(api.getComponents().getSecuritySchemes()).containsKeys("bearer", "staff-sign-in");
        assertThat(api.getComponents().getSchemas()).containsKeys("Problem", "FieldViolation");
        assertThat(api.getSecurity()).as("staff APIs need sign-in unless an operation says otherwise").isNotEmpty();
        operations(api).forEach((name, operation) -> {
            assertThat(operation.getSummary()).as("summary of %s", name).isNotBlank();
            assertThat(operation.getResponses()).as("responses of %s", name).containsKey("500");
            if (operation.getSecurity() == null || !operation.getSecurity().isEmpty()) {
                assertThat(operation.getResponses()).as("responses of %s", name).containsKeys("401", "403");
            }
        });
    }

    @Test
    void everyEndpointTheServiceMapsIsDescribed() {
        OpenAPI api = parse(staffDocument());
        Set<String> described = new TreeSet<>(operations(api).keySet());
        Set<String> mapped = MappedEndpoints.of(
                context.getBeansOfType(RequestMappingHandlerMapping.class).values(),
                context.getBeansOfType(RouterFunction.class).values());
        assertThat(mapped).as("endpoints the code maps").isNotEmpty();
        assertThat(described).as("operations described").containsAll(mapped);
        assertThat(mapped).as("operations the code maps").containsAll(described);
    }

    @Test
    void operationsThatNeedNoSignInAnswerAnyoneAndTheOthersAskForIt() {
        OpenAPI api = parse(staffDocument());
        List<String> wrong = new ArrayList<>();
        operations(api).forEach((name, operation) -> {
            if (streams(operation)) {
                return; // an event stream never ends; its security is the same rule as its path's other operations
            }
            String[] methodAndPath = name.split(" ", 2);
            String path = methodAndPath[1].replaceAll("\\{[^}]+}", "00000000-0000-0000-0000-000000000000");
            int status = http.method(HttpMethod.valueOf(methodAndPath[0])).uri(path).accept(MediaType.APPLICATION_JSON)
                    .exchange().returnResult(byte[].class).getStatus().value();
            boolean describedPublic = operation.getSecurity() != null && operation.getSecurity().isEmpty();
            if (describedPublic == (status == 401)) {
                wrong.add(name + (describedPublic ? " is described as public but asks for sign-in"
                        : " is described as needing sign-in but answered " + status + " without it"));
            }
        });
        assertThat(wrong).isEmpty();
    }

    @Test
    void theDocumentAndSwaggerUiAreForSignedInStaffOnly() {
        http.get().uri("/v3/api-docs").accept(MediaType.APPLICATION_JSON).exchange().expectStatus().isUnauthorized();
        http.get().uri("/swagger-ui/index.html").accept(MediaType.TEXT_HTML).exchange().expectStatus().isFound();
        String page = http.get().uri("/swagger-ui/index.html").accept(MediaType.TEXT_HTML)
                .headers(h -> h.setBasicAuth(staffUser(), StaffAccess.password(staffUser())))
                .exchange().expectStatus().isOk()
                .expectHeader().value("Content-Security-Policy", policy -> assertThat(policy)
                        .contains("script-src 'self'").doesNotContain("unsafe-inline").doesNotContain("unsafe-eval"))
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).contains("swagger-ui-bundle.js").doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
    }

    /** The whole document, as a signed-in member of staff fetches it. */
    protected String staffDocument() {
        // the first request generates the document (cached after it): seconds on a busy machine
        return http.mutate().responseTimeout(Duration.ofMinutes(2)).build().get().uri("/v3/api-docs").accept(MediaType.APPLICATION_JSON)
                .headers(h -> h.setBasicAuth(staffUser(), StaffAccess.password(staffUser())))
                .exchange().expectStatus().isOk()
                .expectBody(String.class).returnResult().getResponseBody();
    }

    static OpenAPI parse(String json) {
        SwaggerParseResult parsed = new OpenAPIV3Parser().readContents(json, null, new ParseOptions());
        assertThat(parsed.getOpenAPI()).as("parsed document").isNotNull();
        return parsed.getOpenAPI();
    }

    /** Every operation, named {@code METHOD /path}. */
    static Map<String, Operation> operations(OpenAPI api) {
        Map<String, Operation> all = new java.util.TreeMap<>();
        if (api.getPaths() != null) {
            api.getPaths().forEach((path, item) -> item.readOperationsMap()
                    .forEach((method, operation) -> all.put(method.name() + " " + path, operation)));
        }
        return all;
    }

    private static boolean streams(Operation operation) {
        return operation.getResponses() != null && operation.getResponses().values().stream()
                .anyMatch(response -> response.getContent() != null
                        && response.getContent().containsKey(MediaType.TEXT_EVENT_STREAM_VALUE));
    }
}
