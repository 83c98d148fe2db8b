package com.leadflow.insurance.gateway.http;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.junit5.WireMockExtension;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.leadflow.insurance.eligibility.AnswerClassifier;
import com.leadflow.insurance.eligibility.EligibilityRequest;
import com.leadflow.insurance.eligibility.Network;
import com.leadflow.insurance.eligibility.PayerAnswer;
import com.leadflow.insurance.eligibility.Subscriber;
import com.leadflow.insurance.eligibility.Verdict;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.json.JsonMapper;

/** The clearinghouse adapter against a real HTTP server (WireMock on a random port). */
class HttpEligibilityGatewayTest {

    private static final String PATH = "/eligibility/v1/inquiries";
    /** Generous, for answers that must arrive: the machine running the tests is shared and busy. */
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    /** For the slow-payer scenario, whose stub answers well past it. */
    private static final Duration SHORT_TIMEOUT = Duration.ofMillis(1_000);
    private static HttpEligibilityGateway gateway;

    @RegisterExtension
    static WireMockExtension clearinghouse = WireMockExtension.newInstance()
            .options(wireMockConfig().dynamicPort()).build();

    private final AnswerClassifier classifier = new AnswerClassifier();

    /** The first call of a JVM loads Netty and the codecs; it must not count against the timeout. */
    @BeforeAll
    static void warmUp() {
        clearinghouse.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("{\"errors\": [{\"code\": \"75\"}]}")));
        new HttpEligibilityGatewayTest().ask();
        clearinghouse.resetAll();
    }

    /** One client for all tests, as in the service: connections are pooled and reused. */
    private static HttpEligibilityGateway gateway() {
        if (gateway == null) {
            gateway = new HttpEligibilityGateway(URI.create(clearinghouse.baseUrl()), PATH, TIMEOUT,
                    JsonMapper.builder().build());
        }
        return gateway;
    }

    private static EligibilityRequest request() {
        return new EligibilityRequest("1234567893", "aetna", "W123456789",
                new Subscriber("Jane", "Doe", LocalDate.of(1970, 1, 31)), List.of("30"));
    }

    private PayerAnswer ask() {
        return gateway().check(request()).block(Duration.ofSeconds(15));
    }

    private Verdict verdict() {
        return classifier.classify(ask());
    }

    private static void answer(String json) {
        clearinghouse.stubFor(post(urlEqualTo(PATH)).willReturn(okJson(json)));
    }

    @Test
    void activeCoverageComesBackWithItsBenefits() {
        answer("""
                {"coverages": [
                  {"active": true, "planName": "Aetna Choice POS II", "start": "2026-01-01", "end": null,
                   "network": "IN", "copay": 40.00, "coinsurance": 20, "deductibleRemaining": 1250.50,
                   "outOfPocketRemaining": 4300, "priorAuthRequired": true, "serviceType": "30"},
                  {"active": true, "planName": "Aetna Choice POS II", "network": "OUT", "copay": 80,
                   "serviceType": "PT"}],
                 "errors": []}""");

        Verdict verdict = verdict();

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.VERIFIED);
        assertThat(verdict.coverages()).hasSize(2);
        var coverage = verdict.coverage();
        assertThat(coverage.planName()).isEqualTo("Aetna Choice POS II");
        assertThat(coverage.start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(coverage.end()).isNull();
        assertThat(coverage.network()).isEqualTo(Network.IN_NETWORK);
        assertThat(coverage.copayCents()).isEqualTo(4000L);
        assertThat(coverage.coinsurancePercent()).isEqualTo(20);
        assertThat(coverage.deductibleRemainingCents()).isEqualTo(125_050L);
        assertThat(coverage.outOfPocketRemainingCents()).isEqualTo(430_000L);
        assertThat(coverage.priorAuthorizationRequired()).isTrue();
        // the inquiry carried 270 semantics: provider, payer, member, subscriber, service type
        clearinghouse.verify(postRequestedFor(urlEqualTo(PATH))
                .withHeader("Content-Type", equalTo("application/json"))
                .withRequestBody(equalToJson("""
                        {"providerNpi": "1234567893", "payerId": "aetna", "memberId": "W123456789",
                         "subscriber": {"firstName": "Jane", "lastName": "Doe", "dateOfBirth": "1970-01-31"},
                         "serviceTypeCodes": ["30"]}""")));
    }

    @Test
    void inactiveCoverageIsNotVerified() {
        answer("""
                {"coverages": [{"active": false, "planName": "Aetna HMO", "start": "2024-01-01",
                  "end": "2025-06-30", "network": "IN", "serviceType": "30"}]}""");

        Verdict verdict = verdict();

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.NOT_VERIFIED);
        assertThat(verdict.reason()).contains("not active").contains("2025-06-30");
    }

    @Test
    void aMemberThePayerCannotFindIsNotVerifiedAndThePatientCanFixIt() {
        answer("""
                {"coverages": [], "errors": [{"code": "75", "followUpAction": "C"}]}""");

        Verdict verdict = verdict();

        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.NOT_VERIFIED);
        assertThat(verdict.payerCode()).isEqualTo("75");
        assertThat(verdict.patientCanFix()).isTrue();
        assertThat(verdict.reason()).contains("could not find this member");
    }

    @Test
    void payerErrorCodesAreReadWithTheirFollowUpActions() {
        answer("""
                {"errors": [{"code": "73", "followUpAction": "C"}]}""");
        assertThat(verdict()).satisfies(v -> {
            assertThat(v.payerCode()).isEqualTo("73");
            assertThat(v.reason()).contains("name");
        });

        answer("""
                {"errors": [{"code": "58", "followUpAction": "C"}]}""");
        assertThat(verdict().reason()).contains("date of birth");

        answer("""
                {"errors": [{"code": "42", "followUpAction": "R"}]}""");
        assertThat(verdict().kind()).isEqualTo(Verdict.Kind.TRANSIENT);

        answer("""
                {"errors": [{"code": 80}]}""");
        assertThat(verdict().kind()).isEqualTo(Verdict.Kind.TRANSIENT);
    }

    @Test
    void aServerErrorIsTransientAndTheNextAskSucceedsOnceThePayerRecovers() {
        clearinghouse.stubFor(post(urlEqualTo(PATH)).inScenario("outage").whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503).withBody("upstream payer unavailable"))
                .willSetStateTo("recovered"));
        clearinghouse.stubFor(post(urlEqualTo(PATH)).inScenario("outage").whenScenarioStateIs("recovered")
                .willReturn(okJson("""
                        {"coverages": [{"active": true, "planName": "Aetna PPO", "network": "IN", "serviceType": "30"}]}""")));

        PayerAnswer first = ask();
        assertThat(first).isEqualTo(new PayerAnswer.Unreachable("HTTP 503 from the clearinghouse"));
        assertThat(classifier.classify(first).kind()).isEqualTo(Verdict.Kind.TRANSIENT);
        assertThat(verdict().kind()).isEqualTo(Verdict.Kind.VERIFIED);
    }

    @Test
    void aSlowAnswerPastTheTimeoutIsTransient() {
        clearinghouse.stubFor(post(urlEqualTo(PATH)).willReturn(okJson("""
                {"coverages": [{"active": true, "serviceType": "30"}]}""").withFixedDelay(6_000)));
        var impatient = new HttpEligibilityGateway(URI.create(clearinghouse.baseUrl()), PATH, SHORT_TIMEOUT,
                JsonMapper.builder().build());

        long start = System.nanoTime();
        PayerAnswer answer = impatient.check(request()).block(Duration.ofSeconds(10));

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(5_000));
        assertThat(answer).isInstanceOfSatisfying(PayerAnswer.Unreachable.class,
                unreachable -> assertThat(unreachable.why()).isEqualTo("no answer within 1000 ms"));
        assertThat(classifier.classify(answer).kind()).isEqualTo(Verdict.Kind.TRANSIENT);
    }

    @Test
    void aMalformedBodyIsAnErrorWithAReasonNeverACrash() {
        answer("this is not json");
        assertThat(ask()).isEqualTo(new PayerAnswer.Unreadable("the body is not JSON"));

        answer("""
                {"coverages": [{"active": "yes"}]}""");
        assertThat(ask()).isEqualTo(new PayerAnswer.Unreadable("field coverages[].active is malformed"));

        answer("""
                {"coverages": [{"active": true, "copay": "forty dollars"}]}""");
        assertThat(ask()).isEqualTo(new PayerAnswer.Unreadable("field coverages[].copay is malformed"));

        answer("""
                {"coverages": [{"active": true, "start": "31/01/2026"}]}""");
        assertThat(ask()).isEqualTo(new PayerAnswer.Unreadable("field coverages[].start is malformed"));

        answer("{}");
        assertThat(ask()).isEqualTo(new PayerAnswer.Unreadable("neither coverages nor errors"));

        Verdict verdict = classifier.classify(ask());
        assertThat(verdict.kind()).isEqualTo(Verdict.Kind.FAILED);
        assertThat(verdict.reason()).contains("could not be read");
    }

    @Test
    void aRefusedInquiryIsAnErrorAndARefusedConnectionIsTransient() {
        clearinghouse.stubFor(post(urlEqualTo(PATH)).willReturn(aResponse().withStatus(400)
                .withBody("{\"message\": \"memberId W123456789 invalid\"}")));
        assertThat(ask()).isEqualTo(new PayerAnswer.Unreadable("HTTP 400 from the clearinghouse"));

        var nobodyListening = new HttpEligibilityGateway(URI.create("http://127.0.0.1:1"), PATH, SHORT_TIMEOUT,
                JsonMapper.builder().build());
        assertThat(nobodyListening.check(request()).block(Duration.ofSeconds(15)))
                .isInstanceOf(PayerAnswer.Unreachable.class);
    }
}
