package com.leadflow.matching.scoring;

import com.leadflow.events.GenderPreference;
import com.leadflow.matching.ambassador.Ambassador;
import com.leadflow.matching.ambassador.Gender;
import com.leadflow.matching.seeker.MatchTarget;
import com.leadflow.matching.seeker.SeekerProfile;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Ranks the ambassadors who could talk with a visitor, best first.
 *
 * <p>Who may be proposed at all: an active ambassador with a free conversation slot, not one the
 * visitor was already declined by, who shares the visitor's procedure or condition (a past patient
 * who shares neither has not walked the same road), and who speaks the visitor's language (English
 * when the visitor named none): a conversation needs one both speak, whichever it is.
 *
 * <p>Then, each criterion deciding only among those equal on the ones before: the same procedure;
 * the same condition; closeness in age; the gender the visitor asked for; the
 * same state, then the same time zone. Among ambassadors equal on all of them, the one matched
 * least recently (never matched first), so conversations spread over all volunteers.
 */
public final class MatchScorer {

    private static final Comparator<ScoredAmbassador> BEST_FIRST = Comparator
            .comparing(ScoredAmbassador::sameProcedure).reversed()
            .thenComparing(ScoredAmbassador::sameCondition, Comparator.reverseOrder())
            .thenComparingInt(ScoredAmbassador::ageDistance)
            .thenComparing(ScoredAmbassador::genderAsPreferred, Comparator.reverseOrder())
            .thenComparing(ScoredAmbassador::regionCloseness, Comparator.reverseOrder())
            .thenComparing(s -> s.ambassador().lastMatchedAt(), Comparator.nullsFirst(Comparator.<Instant>naturalOrder()))
            .thenComparing(s -> s.ambassador().id());

    /** The ambassadors who may be proposed, best first; empty when nobody fits. */
    public List<ScoredAmbassador> rank(MatchTarget target, SeekerProfile seeker, Collection<Ambassador> ambassadors,
            Set<UUID> excluded) {
        return ambassadors.stream()
                .filter(Ambassador::canTakeNewConversation)
                .filter(a -> !excluded.contains(a.id()))
                .filter(a -> a.speaks(seeker.language()))
                .map(a -> score(target, seeker, a))
                .filter(s -> s.sameProcedure() || s.sameCondition())
                .sorted(BEST_FIRST)
                .toList();
    }

    ScoredAmbassador score(MatchTarget target, SeekerProfile seeker, Ambassador a) {
        List<String> reasons = new ArrayList<>();
        boolean sameProcedure = target.specificProcedure() != null && target.specificProcedure() == a.procedure();
        if (sameProcedure) {
            reasons.add("Same procedure: " + Wording.of(a.procedure()) + " (" + a.procedureYear() + ")");
        }
        boolean sameCondition = target.specificCondition() != null && target.specificCondition() == a.condition();
        if (sameCondition) {
            reasons.add("Same condition: " + Wording.of(a.condition()));
        }
        int ageDistance = seeker.ageBand() == null || a.ageBand() == null ? 0 : seeker.ageBand().distanceTo(a.ageBand());
        if (seeker.ageBand() != null && ageDistance == 0) {
            reasons.add("Same age group: " + a.ageBand().label());
        } else if (seeker.ageBand() != null && ageDistance == 1) {
            reasons.add("Close in age: " + a.ageBand().label());
        }
        // worth saying only when it is not the English everyone on the form reads
        if (seeker.asksForAnotherLanguageThanEnglish()) {
            reasons.add("Speaks " + Wording.language(seeker.language()));
        }
        boolean genderAsPreferred = genderAsPreferred(seeker.genderPreference(), a.gender());
        if (genderAsPreferred) {
            reasons.add(Wording.of(a.gender()).substring(0, 1).toUpperCase() + Wording.of(a.gender()).substring(1)
                    + ", as the visitor preferred");
        }
        int region = regionCloseness(seeker, a);
        if (region == 2) {
            reasons.add("Lives in the same state: " + a.state());
        } else if (region == 1) {
            reasons.add("Same time zone: " + a.timeZone());
        }
        return new ScoredAmbassador(a, sameProcedure, sameCondition, ageDistance, genderAsPreferred, region, reasons);
    }

    private static boolean genderAsPreferred(GenderPreference preference, Gender gender) {
        return switch (preference) {
            case FEMALE -> gender == Gender.FEMALE;
            case MALE -> gender == Gender.MALE;
            case NO_PREFERENCE -> false;
        };
    }

    private static int regionCloseness(SeekerProfile seeker, Ambassador a) {
        if (seeker.state() != null && seeker.state().equalsIgnoreCase(Objects.requireNonNullElse(a.state(), ""))) {
            return 2;
        }
        return seeker.timeZone() != null && seeker.timeZone().equals(a.timeZone()) ? 1 : 0;
    }
}
