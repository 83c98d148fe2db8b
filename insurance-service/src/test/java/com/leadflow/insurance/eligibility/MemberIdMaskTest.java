package com.leadflow.insurance.eligibility;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class MemberIdMaskTest {

    @Test
    void showsOnlyTheLastFourCharacters() {
        assertThat(MemberIdMask.mask("W123456789")).isEqualTo("****6789");
        assertThat(MemberIdMask.mask("ABCDE")).isEqualTo("****BCDE");
    }

    @Test
    void hidesShortIdsEntirelyAndDoesNotRevealLength() {
        assertThat(MemberIdMask.mask("1234")).isEqualTo("****");
        assertThat(MemberIdMask.mask(null)).isEqualTo("****");
        assertThat(MemberIdMask.mask("A1234567890123456789")).hasSize(8);
    }

    @Test
    void requestsAndSubscribersNeverPrintTheirPhi() {
        var subscriber = new Subscriber("Jane", "Doe", LocalDate.of(1970, 1, 31));
        var request = new EligibilityRequest("1234567893", "aetna", "W123456789", subscriber, List.of());
        assertThat(request.toString()).doesNotContain("Jane", "Doe", "1970", "W12345").contains("6789");
        assertThat(request.serviceTypeCodes()).containsExactly("30");
    }
}
