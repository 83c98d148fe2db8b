package com.leadflow.insurance.gateway.simulated;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.insurance.eligibility.AnswerClassifier;
import com.leadflow.insurance.eligibility.EligibilityRequest;
import com.leadflow.insurance.eligibility.Network;
import com.leadflow.insurance.eligibility.Subscriber;
import com.leadflow.insurance.eligibility.Verdict;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SimulatedPayerTest {

    private final SimulatedPayer payer = new SimulatedPayer(Duration.ofMillis(50), Duration.ofSeconds(30),
            Clock.fixed(Instant.parse("2026-11-25T10:00:00Z"), ZoneOffset.UTC));
    private final AnswerClassifier classifier = new AnswerClassifier();

    private Verdict ask(String memberId) {
        var request = new EligibilityRequest("1234567893", "aetna", memberId,
                new Subscriber("Jane", "Doe", LocalDate.of(1970, 1, 31)), List.of());
        return classifier.classify(payer.check(request).block(Duration.ofSeconds(5)));
    }

    @Test
    void answersByTheMemberIdsPrefix() {
        assertThat(ask("W1234").kind()).isEqualTo(Verdict.Kind.VERIFIED);
        assertThat(ask("inactive-1").kind()).isEqualTo(Verdict.Kind.NOT_VERIFIED);
        assertThat(ask("NOTFOUND1").payerCode()).isEqualTo("75");
        assertThat(ask("BADID1").payerCode()).isEqualTo("72");
        assertThat(ask("NAME1").payerCode()).isEqualTo("73");
        assertThat(ask("DOB1").payerCode()).isEqualTo("58");
        assertThat(ask("GARBLE1").kind()).isEqualTo(Verdict.Kind.FAILED);
        assertThat(ask("OON1").coverage().network()).isEqualTo(Network.OUT_OF_NETWORK);
        assertThat(ask("SLOW1").kind()).isEqualTo(Verdict.Kind.VERIFIED);
    }

    @Test
    void anActiveMemberComesWithBenefitsAndEveryCoverageLine() {
        Verdict verified = ask("W98765");
        assertThat(verified.coverage().copayCents()).isEqualTo(4000L);
        assertThat(verified.coverage().priorAuthorizationRequired()).isTrue();
        assertThat(verified.coverage().start()).isEqualTo(LocalDate.of(2026, 1, 1));
        assertThat(verified.coverages()).hasSize(2);
    }

    @Test
    void isUnavailableForTheNumberOfCallsTheMemberIdNamesThenRecovers() {
        assertThat(ask("DOWN2-77").kind()).isEqualTo(Verdict.Kind.TRANSIENT);
        assertThat(ask("DOWN2-77").kind()).isEqualTo(Verdict.Kind.TRANSIENT);
        assertThat(ask("DOWN2-77").kind()).isEqualTo(Verdict.Kind.VERIFIED);
        assertThat(ask("BUSY1-77").payerCode()).isEqualTo("42");
        assertThat(ask("BUSY1-77").kind()).isEqualTo(Verdict.Kind.VERIFIED);
    }

    @Test
    void staysDownWithoutANumber() {
        for (int i = 0; i < 5; i++) {
            assertThat(ask("DOWN-forever").kind()).isEqualTo(Verdict.Kind.TRANSIENT);
        }
    }
}
