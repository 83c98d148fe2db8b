package com.leadflow.matching.coordinator;

import static com.leadflow.matching.scoring.AmbassadorFixtures.ambassador;
import static com.leadflow.matching.scoring.AmbassadorFixtures.withLanguages;
import static com.leadflow.matching.scoring.AmbassadorFixtures.withLoad;
import static com.leadflow.matching.scoring.AmbassadorFixtures.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.Condition;
import com.leadflow.events.GenderPreference;
import com.leadflow.events.Procedure;
import com.leadflow.matching.ambassador.Ambassador;
import com.leadflow.matching.ambassador.AmbassadorStatus;
import com.leadflow.matching.seeker.MatchTarget;
import com.leadflow.matching.seeker.SeekerProfile;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class WaitReasonTest {

    static final MatchTarget STENOSIS_LAMINECTOMY = MatchTarget.of(Condition.SPINAL_STENOSIS, Procedure.LAMINECTOMY);
    static final SeekerProfile ENGLISH = profile("en");

    @Test
    void aVisitorWhoNamedNothingSpecificWaitsForTheReview() {
        assertThat(WaitReason.explain(MatchTarget.of(Condition.UNKNOWN, Procedure.UNSURE), ENGLISH,
                List.of(ambassador("Larry", Condition.SPINAL_STENOSIS, Procedure.LAMINECTOMY)), Set.of()))
                .isEqualTo("Waiting for the review's findings: the visitor named no specific condition or procedure");
    }

    @Test
    void nobodyInTheRegistrySharesTheProcedureOrConditionRetiredOnesNotCounted() {
        Ambassador retired = withStatus(ambassador("Rita", Condition.COMPRESSION_FRACTURE, Procedure.KYPHOPLASTY),
                AmbassadorStatus.RETIRED);
        String why = WaitReason.explain(MatchTarget.of(Condition.COMPRESSION_FRACTURE, Procedure.KYPHOPLASTY), ENGLISH,
                List.of(retired, ambassador("Larry", Condition.SPINAL_STENOSIS, Procedure.LAMINECTOMY)), Set.of());

        assertThat(why).isEqualTo("Nobody in the registry had a kyphoplasty or compression fracture: a past patient "
                + "who did would help");
    }

    @Test
    void pastPatientsWhoShareItButNotTheLanguageAreCounted() {
        String why = WaitReason.explain(STENOSIS_LAMINECTOMY, profile("es"),
                List.of(ambassador("Larry", Condition.SPINAL_STENOSIS, Procedure.LAMINECTOMY),
                        ambassador("Lou", Condition.HERNIATED_DISC, Procedure.LAMINECTOMY)), Set.of());

        assertThat(why).isEqualTo("2 past patients had a laminectomy or spinal stenosis, but none speaks Spanish");
    }

    @Test
    void everyoneWhoFitsIsBusyAndEachReasonIsCounted() {
        Ambassador full = withLoad(ambassador("Larry", Condition.SPINAL_STENOSIS, Procedure.LAMINECTOMY), 2, 2);
        Ambassador paused = withStatus(ambassador("Lou", Condition.SPINAL_STENOSIS, Procedure.LAMINECTOMY),
                AmbassadorStatus.PAUSED);
        Ambassador decliner = withLanguages(ambassador("Sam", Condition.SPINAL_STENOSIS, Procedure.SPINAL_FUSION), "en", "es");

        String why = WaitReason.explain(STENOSIS_LAMINECTOMY, ENGLISH, List.of(full, paused, decliner), Set.of(decliner.id()));

        assertThat(why).isEqualTo("Everyone who fits is busy (1 at capacity, 1 paused, 1 already declined this visitor): "
                + "a free slot, a resumed or a new past patient would help");
    }

    @Test
    void someoneFreeWhoFitsMeansTheNextSweepProposesThem() {
        assertThat(WaitReason.explain(STENOSIS_LAMINECTOMY, ENGLISH,
                List.of(ambassador("Larry", Condition.SPINAL_STENOSIS, Procedure.LAMINECTOMY)), Set.of()))
                .startsWith("Someone who fits has room now");
    }

    private static SeekerProfile profile(String language) {
        return new SeekerProfile(null, language, "TX", "787", "America/Chicago", GenderPreference.NO_PREFERENCE);
    }
}
