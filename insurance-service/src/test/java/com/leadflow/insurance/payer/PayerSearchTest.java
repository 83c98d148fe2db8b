package com.leadflow.insurance.payer;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class PayerSearchTest {

    private final PayerSearch search = new PayerSearch(List.of(
            new Payer("aetna", "Aetna", List.of("Aetna Health", "CVS Aetna"), true),
            new Payer("uhc", "UnitedHealthcare", List.of("UHC", "United Healthcare", "United Health Care"), true),
            new Payer("bcbs", "Blue Cross Blue Shield (local plan)", List.of("BCBS", "Blue Cross", "Blue Shield"), true),
            new Payer("anthem", "Anthem Blue Cross Blue Shield (Elevance Health)", List.of("Anthem", "Elevance"), true),
            new Payer("cigna", "Cigna Healthcare", List.of("Cigna"), true),
            new Payer("humana", "Humana", List.of(), true),
            new Payer("medicare", "Medicare (Original, Parts A and B)", List.of("CMS"), true),
            new Payer("medicaid", "Medicaid (state program)", List.of("Medi-Cal"), false),
            new Payer("ambetter", "Ambetter (Centene)", List.of("Ambetter", "Centene"), true),
            new Payer("kaiser", "Kaiser Permanente", List.of("Kaiser", "KP"), false)));

    private String top(String query) {
        List<PayerSearch.Match> matches = search.search(query, 5);
        assertThat(matches).as("suggestions for '%s'", query).isNotEmpty();
        return matches.get(0).payer().id();
    }

    @Test
    void findsPayersByTheirAbbreviations() {
        assertThat(top("UHC")).isEqualTo("uhc");
        assertThat(top("bcbs")).isEqualTo("bcbs");
        assertThat(top("KP")).isEqualTo("kaiser");
        assertThat(top("elevance")).isEqualTo("anthem");
    }

    @Test
    void toleratesTyposAndSwappedLetters() {
        assertThat(top("Aetan")).isEqualTo("aetna");
        assertThat(top("humanna")).isEqualTo("humana");
        assertThat(top("signa")).isEqualTo("cigna");
        assertThat(top("untied healthcare")).isEqualTo("uhc");
        assertThat(top("unitedhelthcare")).isEqualTo("uhc");
        assertThat(top("ambeter")).isEqualTo("ambetter");
        assertThat(top("Medicaire")).isEqualTo("medicare");
    }

    @Test
    void suggestsWhileTheVisitorIsStillTyping() {
        assertThat(top("unit")).isEqualTo("uhc");
        assertThat(top("Blue Cr")).isIn("bcbs", "anthem");
        assertThat(search.search("blue cross", 5)).extracting(m -> m.payer().id()).contains("bcbs", "anthem");
        assertThat(top("medicai")).isEqualTo("medicaid");
    }

    @Test
    void ignoresCaseAccentsAndPunctuation() {
        assertThat(top("  u.h.c. ")).isEqualTo("uhc");
        assertThat(top("AÉTNA")).isEqualTo("aetna");
    }

    @Test
    void suggestsNothingForUnrelatedText() {
        assertThat(search.search("zzqx", 5)).isEmpty();
        assertThat(search.search("   ", 5)).isEmpty();
    }

    @Test
    void rankedBestFirstAndLimited() {
        List<PayerSearch.Match> matches = search.search("a", 3);
        assertThat(matches).hasSizeLessThanOrEqualTo(3);
        assertThat(matches).isSortedAccordingTo((x, y) -> Double.compare(y.score(), x.score()));
    }

    @Test
    void resolvesATypedNameOnlyWhenItIsClear() {
        assertThat(search.resolve("United Healthcare")).map(Payer::id).contains("uhc");
        assertThat(search.resolve("Aetna")).map(Payer::id).contains("aetna");
        assertThat(search.resolve("Acme Mutual Benefit")).isEmpty();
    }
}
