package com.leadflow.matching.scoring;

import static com.leadflow.events.Condition.HERNIATED_DISC;
import static com.leadflow.events.Condition.SCIATICA;
import static com.leadflow.events.Condition.SPINAL_STENOSIS;
import static com.leadflow.events.Procedure.LAMINECTOMY;
import static com.leadflow.events.Procedure.MICRODISCECTOMY;
import static com.leadflow.events.Procedure.SPINAL_FUSION;
import static com.leadflow.matching.scoring.AmbassadorFixtures.ambassador;
import static com.leadflow.matching.scoring.AmbassadorFixtures.lastMatched;
import static com.leadflow.matching.scoring.AmbassadorFixtures.withAge;
import static com.leadflow.matching.scoring.AmbassadorFixtures.withGender;
import static com.leadflow.matching.scoring.AmbassadorFixtures.withLanguages;
import static com.leadflow.matching.scoring.AmbassadorFixtures.withLoad;
import static com.leadflow.matching.scoring.AmbassadorFixtures.withRegion;
import static com.leadflow.matching.scoring.AmbassadorFixtures.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.Condition;
import com.leadflow.events.GenderPreference;
import com.leadflow.events.Procedure;
import com.leadflow.matching.ambassador.AgeBand;
import com.leadflow.matching.ambassador.Ambassador;
import com.leadflow.matching.ambassador.AmbassadorStatus;
import com.leadflow.matching.ambassador.Gender;
import com.leadflow.matching.seeker.MatchTarget;
import com.leadflow.matching.seeker.SeekerProfile;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class MatchScorerTest {

    private final MatchScorer scorer = new MatchScorer();
    private final SeekerProfile englishSixties =
            new SeekerProfile(AgeBand.AGE_60_69, "en", "TX", "787", "America/Chicago", GenderPreference.NO_PREFERENCE);

    private List<String> rankedNames(MatchTarget target, SeekerProfile seeker, Ambassador... ambassadors) {
        return rankedNames(target, seeker, Set.of(), ambassadors);
    }

    private List<String> rankedNames(MatchTarget target, SeekerProfile seeker, Set<UUID> excluded,
            Ambassador... ambassadors) {
        return scorer.rank(target, seeker, List.of(ambassadors), excluded).stream()
                .map(s -> s.ambassador().firstName()).toList();
    }

    private static MatchTarget target(Condition condition, Procedure procedure) {
        return MatchTarget.of(condition, procedure);
    }

    @Test
    void sameProcedureOutranksSameConditionAndEverythingElse() {
        Ambassador procedureOnly = withRegion(withAge(ambassador("Pat", HERNIATED_DISC, LAMINECTOMY), AgeBand.UNDER_30),
                "ME", "America/New_York");
        Ambassador conditionAndAllElse = withAge(ambassador("Cole", SPINAL_STENOSIS, SPINAL_FUSION), AgeBand.AGE_60_69);

        assertThat(rankedNames(target(SPINAL_STENOSIS, LAMINECTOMY), englishSixties, conditionAndAllElse, procedureOnly))
                .containsExactly("Pat", "Cole");
    }

    @Test
    void sameConditionOutranksAgeGenderAndRegionAmongThoseSharingTheProcedure() {
        SeekerProfile sixtiesWoman = new SeekerProfile(AgeBand.AGE_60_69, "en", "TX", "787", "America/Chicago",
                GenderPreference.FEMALE);
        Ambassador sameConditionButFarInEverythingElse = withRegion(withAge(
                ambassador("Al", SPINAL_STENOSIS, LAMINECTOMY), AgeBand.UNDER_30), "WA", "America/Los_Angeles");
        Ambassador otherConditionButCloseInEverythingElse = withGender(withAge(
                ambassador("Bea", HERNIATED_DISC, LAMINECTOMY), AgeBand.AGE_60_69), Gender.FEMALE);

        assertThat(rankedNames(target(SPINAL_STENOSIS, LAMINECTOMY), sixtiesWoman,
                otherConditionButCloseInEverythingElse, sameConditionButFarInEverythingElse))
                .containsExactly("Al", "Bea");
    }

    @Test
    void closerAgeWinsAmongThoseSharingTheSameProcedureAndCondition() {
        Ambassador thirties = withAge(ambassador("Young", SPINAL_STENOSIS, LAMINECTOMY), AgeBand.AGE_30_39);
        Ambassador seventies = withAge(ambassador("Old", SPINAL_STENOSIS, LAMINECTOMY), AgeBand.AGE_70_PLUS);
        Ambassador sixties = withAge(ambassador("Same", SPINAL_STENOSIS, LAMINECTOMY), AgeBand.AGE_60_69);

        assertThat(rankedNames(target(SPINAL_STENOSIS, LAMINECTOMY), englishSixties, thirties, seventies, sixties))
                .containsExactly("Same", "Old", "Young");
    }

    @Test
    void aVisitorWhoPrefersAnotherLanguageThanEnglishIsOnlyOfferedAmbassadorsWhoSpeakIt() {
        SeekerProfile spanish = new SeekerProfile(AgeBand.AGE_60_69, "es", "TX", "787", "America/Chicago",
                GenderPreference.NO_PREFERENCE);
        Ambassador bestOtherwise = ambassador("English", SPINAL_STENOSIS, LAMINECTOMY);
        Ambassador speaksSpanish = withLanguages(ambassador("Carmen", HERNIATED_DISC, LAMINECTOMY), "en", "es");

        List<ScoredAmbassador> ranked = scorer.rank(target(SPINAL_STENOSIS, LAMINECTOMY), spanish,
                List.of(bestOtherwise, speaksSpanish), Set.of());

        assertThat(ranked).extracting(s -> s.ambassador().firstName()).containsExactly("Carmen");
        assertThat(ranked.get(0).reasons()).contains("Speaks Spanish", "Same procedure: laminectomy (2020)");
    }

    @Test
    void anAmbassadorWhoSpeaksTheVisitorsLanguageButNoEnglishIsOffered() {
        SeekerProfile spanish = new SeekerProfile(AgeBand.AGE_60_69, "es", "TX", "787", "America/Chicago",
                GenderPreference.NO_PREFERENCE);
        Ambassador spanishOnly = withLanguages(ambassador("Lucia", SPINAL_STENOSIS, LAMINECTOMY), "es");

        List<ScoredAmbassador> ranked = scorer.rank(target(SPINAL_STENOSIS, LAMINECTOMY), spanish,
                List.of(spanishOnly), Set.of());

        assertThat(ranked).extracting(s -> s.ambassador().firstName()).containsExactly("Lucia");
        assertThat(ranked.get(0).reasons()).contains("Speaks Spanish");
    }

    @Test
    void anEnglishSpeakingVisitorIsNotOfferedTheBestFittingAmbassadorIfSheSpeaksNoEnglish() {
        Ambassador spanishOnly = withLanguages(withAge(ambassador("Lucia", SPINAL_STENOSIS, LAMINECTOMY),
                AgeBand.AGE_60_69), "es");
        Ambassador englishButYounger = withAge(ambassador("Ed", SPINAL_STENOSIS, LAMINECTOMY), AgeBand.UNDER_30);

        assertThat(rankedNames(target(SPINAL_STENOSIS, LAMINECTOMY), englishSixties, spanishOnly, englishButYounger))
                .containsExactly("Ed");
        assertThat(rankedNames(target(SPINAL_STENOSIS, LAMINECTOMY), new SeekerProfile(null, null, null, null, null, null),
                spanishOnly)).as("a visitor who named no language reads the English form").isEmpty();
    }

    @Test
    void nobodyIsOfferedWhenNoAmbassadorSpeaksTheVisitorsLanguage() {
        SeekerProfile vietnamese = new SeekerProfile(null, "vi", null, null, null, null);

        assertThat(rankedNames(target(SPINAL_STENOSIS, LAMINECTOMY), vietnamese,
                ambassador("Larry", SPINAL_STENOSIS, LAMINECTOMY))).isEmpty();
    }

    @Test
    void theGenderTheVisitorAskedForWinsAmongOtherwiseEqualAmbassadors() {
        SeekerProfile wantsFemale = new SeekerProfile(AgeBand.AGE_50_59, "en", "TX", "787", "America/Chicago",
                GenderPreference.FEMALE);
        Ambassador man = ambassador("Mo", SPINAL_STENOSIS, LAMINECTOMY);
        Ambassador woman = withGender(ambassador("Flo", SPINAL_STENOSIS, LAMINECTOMY), Gender.FEMALE);

        List<ScoredAmbassador> ranked = scorer.rank(target(SPINAL_STENOSIS, LAMINECTOMY), wantsFemale,
                List.of(man, woman), Set.of());

        assertThat(ranked).extracting(s -> s.ambassador().firstName()).containsExactly("Flo", "Mo");
        assertThat(ranked.get(0).reasons()).contains("Female, as the visitor preferred");
    }

    @Test
    void sameStateThenSameTimeZoneBreakTiesAfterGender() {
        Ambassador texan = ambassador("Tex", SPINAL_STENOSIS, LAMINECTOMY);
        Ambassador central = withRegion(ambassador("Cen", SPINAL_STENOSIS, LAMINECTOMY), "IL", "America/Chicago");
        Ambassador faraway = withRegion(ambassador("Far", SPINAL_STENOSIS, LAMINECTOMY), "WA", "America/Los_Angeles");
        SeekerProfile fifties = new SeekerProfile(AgeBand.AGE_50_59, "en", "TX", "787", "America/Chicago", null);

        assertThat(rankedNames(target(SPINAL_STENOSIS, LAMINECTOMY), fifties, faraway, central, texan))
                .containsExactly("Tex", "Cen", "Far");
    }

    @Test
    void ambassadorsWithoutAFreeSlotAreNeverOffered() {
        Ambassador full = withLoad(ambassador("Full", SPINAL_STENOSIS, LAMINECTOMY), 2, 2);
        Ambassador room = withLoad(ambassador("Room", SPINAL_STENOSIS, SPINAL_FUSION), 1, 2);

        assertThat(rankedNames(target(SPINAL_STENOSIS, LAMINECTOMY), englishSixties, full, room))
                .containsExactly("Room");
    }

    @Test
    void pausedAndRetiredAmbassadorsAreNeverOffered() {
        Ambassador paused = withStatus(ambassador("Paused", SPINAL_STENOSIS, LAMINECTOMY), AmbassadorStatus.PAUSED);
        Ambassador retired = withStatus(ambassador("Retired", SPINAL_STENOSIS, LAMINECTOMY), AmbassadorStatus.RETIRED);

        assertThat(rankedNames(target(SPINAL_STENOSIS, LAMINECTOMY), englishSixties, paused, retired)).isEmpty();
    }

    @Test
    void theOneMatchedLeastRecentlyComesFirstAmongEquals() {
        Ambassador yesterday = lastMatched(ambassador("Yesterday", SPINAL_STENOSIS, LAMINECTOMY),
                Instant.parse("2026-11-24T10:00:00Z"));
        Ambassador lastMonth = lastMatched(ambassador("LastMonth", SPINAL_STENOSIS, LAMINECTOMY),
                Instant.parse("2026-10-24T10:00:00Z"));
        Ambassador never = ambassador("Never", SPINAL_STENOSIS, LAMINECTOMY);

        assertThat(rankedNames(target(SPINAL_STENOSIS, LAMINECTOMY), englishSixties, yesterday, lastMonth, never))
                .containsExactly("Never", "LastMonth", "Yesterday");
    }

    @Test
    void anAmbassadorSharingNeitherConditionNorProcedureIsNotOffered() {
        assertThat(rankedNames(target(SPINAL_STENOSIS, LAMINECTOMY), englishSixties,
                ambassador("Other", SCIATICA, MICRODISCECTOMY))).isEmpty();
    }

    @Test
    void vagueAnswersShareNothing() {
        assertThat(rankedNames(target(Condition.UNKNOWN, Procedure.UNSURE), englishSixties,
                ambassador("Any", Condition.UNKNOWN, Procedure.UNSURE))).isEmpty();
    }

    @Test
    void ambassadorsTheVisitorWasDeclinedByAreNotOfferedAgain() {
        Ambassador decliner = ambassador("Decliner", SPINAL_STENOSIS, LAMINECTOMY);
        Ambassador other = ambassador("Other", SPINAL_STENOSIS, SPINAL_FUSION);

        assertThat(rankedNames(target(SPINAL_STENOSIS, LAMINECTOMY), englishSixties, Set.of(decliner.id()),
                decliner, other)).containsExactly("Other");
    }

    @Test
    void reasonsReadAsACareManagerWouldSayThem() {
        Ambassador larry = withAge(ambassador("Larry", SPINAL_STENOSIS, LAMINECTOMY), AgeBand.AGE_60_69);

        ScoredAmbassador scored = scorer.rank(target(SPINAL_STENOSIS, LAMINECTOMY), englishSixties, List.of(larry),
                Set.of()).get(0);

        assertThat(scored.reasons()).containsExactly("Same procedure: laminectomy (2020)",
                "Same condition: spinal stenosis", "Same age group: 60-69", "Lives in the same state: TX");
    }
}
