package com.leadflow.intake.submit;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.intake.Clients;
import com.leadflow.intake.IntakeIntegrationTest;
import com.leadflow.intake.LeadJson;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Every field rule of {@code POST /api/leads} is answered with a 400 naming the field and the rule. */
@IntakeIntegrationTest
class LeadValidationApiTest {

    @Autowired
    WebTestClient http;

    static Stream<Arguments> brokenFields() {
        String tooLong = "a".repeat(61);
        return Stream.of(
                broken("requestedServices", "required", l -> l.with("requestedServices", List.of())),
                broken("requestedServices[0]", "unknown-value", l -> l.with("requestedServices", List.of("FREE_PIZZA"))),
                broken("requestedServices[1]", "unknown-value", l -> l.with("requestedServices", List.of("INFO_KIT", "UNKNOWN"))),
                broken("requestedServices", "type", l -> l.with("requestedServices", Map.of("a", 1))),
                broken("contact", "required", l -> l.without("contact")),
                broken("contact.firstName", "required", l -> l.with("contact.firstName", " ")),
                broken("contact.firstName", "format", l -> l.with("contact.firstName", "R2D2")),
                broken("contact.lastName", "max-length", l -> l.with("contact.lastName", tooLong)),
                broken("contact.lastName", "required", l -> l.without("contact.lastName")),
                broken("contact.email", "format", l -> l.with("contact.email", "rosalind-at-example.org")),
                broken("contact.phone", "format", l -> l.with("contact.phone", "555-12")),
                broken("contact", "email-or-phone-required", l -> l.without("contact.email").without("contact.phone")),
                broken("contact.preferredChannel", "unknown-value", l -> l.with("contact.preferredChannel", "PIGEON")),
                broken("contact.email", "required-for-channel",
                        l -> l.without("contact.email").with("contact.preferredChannel", "EMAIL")),
                broken("contact.phone", "required-for-call-back",
                        l -> l.without("contact.phone").with("contact.preferredChannel", "EMAIL")),
                broken("contact.preferredTime", "unknown-value", l -> l.with("contact.preferredTime", "NOON")),
                broken("dateOfBirth", "required", l -> l.without("dateOfBirth")),
                broken("dateOfBirth", "format", l -> l.with("dateOfBirth", "31/12/1960")),
                broken("dateOfBirth", "in-past", l -> l.with("dateOfBirth", "2999-01-01")),
                broken("dateOfBirth", "plausible-age", l -> l.with("dateOfBirth", "1850-01-01")),
                broken("zipCode", "required", l -> l.without("zipCode")),
                broken("zipCode", "format", l -> l.with("zipCode", "9411O")),
                broken("preferredLanguage", "format", l -> l.with("preferredLanguage", "E1")),
                broken("clinical.condition", "unknown-value", l -> l.with("clinical.condition", "BROKEN_HEART")),
                broken("clinical.symptoms[0]", "unknown-value", l -> l.with("clinical.symptoms", List.of("ITCHY"))),
                broken("clinical.redFlags[1]", "unknown-value",
                        l -> l.with("clinical.redFlags", List.of("SADDLE_NUMBNESS", "SNEEZING"))),
                broken("clinical.painLevel", "range", l -> l.with("clinical.painLevel", 11)),
                broken("clinical.painLevel", "type", l -> l.with("clinical.painLevel", "seven")),
                broken("clinical.painDuration", "unknown-value", l -> l.with("clinical.painDuration", "FOREVER")),
                broken("clinical.treatmentsTried[0]", "unknown-value", l -> l.with("clinical.treatmentsTried", List.of("SURGERY"))),
                broken("clinical.procedureOfInterest", "unknown-value", l -> l.with("clinical.procedureOfInterest", "MAGIC")),
                broken("clinical.description", "max-length", l -> l.with("clinical.description", "x".repeat(2001))),
                broken("insurance", "required-for-insurance-verification", l -> l.without("insurance")),
                broken("insurance.payerName", "required", l -> l.without("insurance.payerName")),
                broken("insurance.memberId", "required", l -> l.without("insurance.memberId")),
                broken("insurance.memberId", "format", l -> l.with("insurance.memberId", "AB!")),
                broken("insurance.groupNumber", "format", l -> l.with("insurance.groupNumber", "G 100")),
                broken("insurance.subscriberRelationship", "unknown-value", l -> l.with("insurance.subscriberRelationship", "BOSS")),
                broken("insurance.subscriberFirstName", "required", l -> l.with("insurance.subscriberRelationship", "SPOUSE")),
                broken("insurance.subscriberDateOfBirth", "required", l -> l.with("insurance.subscriberRelationship", "CHILD")),
                broken("consent", "required", l -> l.without("consent")),
                broken("consent.contactConsentGiven", "must-be-accepted", l -> l.with("consent.contactConsentGiven", false)),
                broken("consent.contactConsentGiven", "must-be-accepted", l -> l.without("consent.contactConsentGiven")),
                broken("consent.disclosureVersion", "unknown-version", l -> l.with("consent.disclosureVersion", "1999-01-01")),
                broken("consent.disclosureVersion", "required", l -> l.without("consent.disclosureVersion")),
                broken("consent.pageUrl", "format", l -> l.with("consent.pageUrl", "javascript:alert(1)")),
                broken("attribution.referrer", "format", l -> l.with("attribution.referrer", "not a url")),
                broken("attribution.utmSource", "max-length", l -> l.with("attribution.utmSource", "u".repeat(201))),
                broken("attribution.firstTouchAt", "format", l -> l.with("attribution.firstTouchAt", "yesterday")),
                broken("attribution.firstTouchAt", "not-in-future", l -> l.with("attribution.firstTouchAt", "2999-01-01T00:00:00Z")),
                broken("connectPreferences.ambassadorGender", "unknown-value",
                        l -> l.with("connectPreferences.ambassadorGender", "ANY")),
                broken("imagingIds[0]", "format", l -> l.with("imagingIds", List.of("not-an-id"))),
                broken("imagingIds[0]", "unknown-file", l -> l.with("imagingIds", List.of(UUID.randomUUID().toString()))),
                broken("consent.contactConsentGiven", "type", l -> l.with("consent.contactConsentGiven", 1)),
                broken("consent.contactConsentGiven", "type", l -> l.with("consent.contactConsentGiven", "true")),
                broken("clinical.painLevel", "type", l -> l.with("clinical.painLevel", "7")),
                broken("clinical.painLevel", "type", l -> l.with("clinical.painLevel", 6.7)),
                broken("dateOfBirth", "adults-only", l -> l.with("dateOfBirth", LocalDate.now(ZoneOffset.UTC).minusDays(1).toString())),
                broken("dateOfBirth", "adults-only", l -> l.with("dateOfBirth", LocalDate.now(ZoneOffset.UTC).minusYears(18).plusDays(2).toString())),
                broken("insurance.subscriberDateOfBirth", "plausible-age", l -> l.with("insurance.subscriberRelationship", "SPOUSE")
                        .with("insurance.subscriberFirstName", "Ada").with("insurance.subscriberLastName", "Quill")
                        .with("insurance.subscriberDateOfBirth", "1800-01-01")),
                broken("attribution.firstTouchAt", "plausible-date", l -> l.with("attribution.firstTouchAt", "1800-01-01T00:00:00Z")),
                broken("zipCode", "unassigned", l -> l.with("zipCode", "00000")),
                broken("contact.email", "format", l -> l.with("contact.email", "zq@.example.org")),
                broken("contact.email", "format", l -> l.with("contact.email", "zq@example..org")),
                broken("favouriteColour", "unknown-field", l -> l.with("favouriteColour", "teal")),
                broken("contact.middleName", "unknown-field", l -> l.with("contact.middleName", "Ann")));
    }

    private static Arguments broken(String field, String rule, UnaryOperator<LeadJson> change) {
        return Arguments.of(field, rule, change);
    }

    @ParameterizedTest(name = "{0} breaks {1}")
    @MethodSource("brokenFields")
    void eachBrokenFieldRuleIsNamed(String field, String rule, UnaryOperator<LeadJson> change) {
        post(change.apply(LeadJson.valid()).body())
                .expectStatus().isBadRequest()
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(400)
                .jsonPath("$.errors[?(@.field == '%s' && @.rule == '%s')]".formatted(field, rule)).exists();
    }

    @Test
    void aVisitorUnder18IsAskedToHaveAParentOrGuardianGetInTouch() {
        post(LeadJson.valid().with("dateOfBirth", LocalDate.now(ZoneOffset.UTC).minusYears(15).toString()).body())
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[?(@.field == 'dateOfBirth')].message").value(messages ->
                        assertThat(messages.toString()).contains("18", "parent or guardian"));
    }

    @Test
    void aVisitorTurning18TodayIsAccepted() {
        post(LeadJson.valid().with("dateOfBirth", LocalDate.now(ZoneOffset.UTC).minusYears(18).toString()).body())
                .expectStatus().isAccepted();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aNameTypedWithACombiningMarkIsKeptInItsComposedForm() {
        Map<String, String> accepted = http.post().uri("/api/leads").header("X-Forwarded-For", Clients.nextIp())
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(LeadJson.valid().with("contact.firstName", "Zoe\u0308").with("contact.lastName", "Bjo\u0308rk").body())
                .exchange().expectStatus().isAccepted()
                .expectBody(Map.class).returnResult().getResponseBody();
        http.get().uri("/api/leads/{id}", accepted.get("leadId")).headers(h -> h.setBasicAuth("carla", "carla-demo"))
                .exchange().expectStatus().isOk()
                .expectBody()
                .jsonPath("$.details.contact.firstName").isEqualTo("Zo\u00eb")
                .jsonPath("$.details.contact.lastName").isEqualTo("Bj\u00f6rk");
    }

    @Test
    void everyBrokenFieldIsNamedAtOnceWithoutEchoingTheValues() {
        LeadJson lead = LeadJson.valid().with("contact.email", "rosalind-at-example.org")
                .with("zipCode", "9411O").with("insurance.memberId", "SECRET!99");
        String body = post(lead.body()).expectStatus().isBadRequest()
                .expectBody(String.class).returnResult().getResponseBody();
        assertThat(body).contains("contact.email", "zipCode", "insurance.memberId")
                .doesNotContain("rosalind-at-example.org", "9411O", "SECRET!99");
    }

    @Test
    void malformedJsonIsNamedAsSuch() {
        http.post().uri("/api/leads").header("X-Forwarded-For", Clients.nextIp())
                .contentType(MediaType.APPLICATION_JSON).bodyValue("{\"contact\": {\"firstName\": \"Rosalind\",")
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body")
                .jsonPath("$.errors[0].rule").isEqualTo("malformed-json")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).doesNotContain("Rosalind"));
    }

    @Test
    void anEmptyBodyIsRefused() {
        http.post().uri("/api/leads").header("X-Forwarded-For", Clients.nextIp())
                .contentType(MediaType.APPLICATION_JSON).exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("body");
    }

    @Test
    void anOversizedBodyIsRefusedWith413() {
        LeadJson lead = LeadJson.valid().with("clinical.description", "x".repeat(70_000));
        post(lead.body()).expectStatus().isEqualTo(HttpStatus.CONTENT_TOO_LARGE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.title").isEqualTo("Request body too large");
    }

    @Test
    void aBodyThatIsNotJsonIsRefusedWith415() {
        http.post().uri("/api/leads").header("X-Forwarded-For", Clients.nextIp())
                .contentType(MediaType.TEXT_PLAIN).bodyValue("first name: Rosalind")
                .exchange()
                .expectStatus().isEqualTo(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void aMalformedIdempotencyKeyIsNamed() {
        http.post().uri("/api/leads").header("X-Forwarded-For", Clients.nextIp()).header("Idempotency-Key", "x")
                .contentType(MediaType.APPLICATION_JSON).bodyValue(LeadJson.valid().body())
                .exchange()
                .expectStatus().isBadRequest()
                .expectBody().jsonPath("$.errors[0].field").isEqualTo("Idempotency-Key")
                .jsonPath("$.errors[0].rule").isEqualTo("format");
    }

    private WebTestClient.ResponseSpec post(Object body) {
        return http.post().uri("/api/leads").header("X-Forwarded-For", Clients.nextIp())
                .contentType(MediaType.APPLICATION_JSON).bodyValue(body).exchange();
    }
}
