package com.leadflow.matching.coordinator;

import com.leadflow.matching.ambassador.Ambassador;
import com.leadflow.matching.ambassador.AmbassadorStatus;
import com.leadflow.matching.scoring.Wording;
import com.leadflow.matching.seeker.MatchTarget;
import com.leadflow.matching.seeker.SeekerProfile;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Why a wait-listed visitor has nobody yet, in the coordinator's words, so she knows what would
 * help: a review's findings, a past patient with that procedure, one who speaks the visitor's
 * language, or a free slot. Follows the order in which {@code MatchScorer} rules ambassadors out:
 * nothing to share, nobody sharing it, no shared language, nobody free.
 */
public final class WaitReason {

    private WaitReason() {
    }

    /**
     * @param registry every ambassador, retired ones included
     * @param declinedBy ambassadors this visitor was declined by or who withdrew: never proposed again
     */
    public static String explain(MatchTarget target, SeekerProfile profile, Collection<Ambassador> registry,
            Set<UUID> declinedBy) {
        if (!target.namesSomethingToShare()) {
            return "Waiting for the review's findings: the visitor named no specific condition or procedure";
        }
        List<Ambassador> sharing = registry.stream()
                .filter(a -> a.status() != AmbassadorStatus.RETIRED)
                .filter(a -> a.procedure() == target.specificProcedure() || a.condition() == target.specificCondition())
                .toList();
        if (sharing.isEmpty()) {
            return "Nobody in the registry had " + what(target) + ": a past patient who did would help";
        }
        String language = profile == null ? SeekerProfile.ENGLISH : profile.language();
        List<Ambassador> speaking = sharing.stream().filter(a -> a.speaks(language)).toList();
        if (speaking.isEmpty()) {
            return count(sharing.size()) + " had " + what(target) + ", but none speaks " + Wording.language(language);
        }
        long declined = speaking.stream().filter(a -> declinedBy.contains(a.id())).count();
        long paused = speaking.stream().filter(a -> !declinedBy.contains(a.id()))
                .filter(a -> a.status() == AmbassadorStatus.PAUSED).count();
        long full = speaking.stream().filter(a -> !declinedBy.contains(a.id()))
                .filter(a -> a.status() == AmbassadorStatus.ACTIVE && !a.hasFreeCapacity()).count();
        if (declined + paused + full < speaking.size()) {
            return "Someone who fits has room now: the next wait-list sweep (within a minute) proposes them";
        }
        List<String> busy = new ArrayList<>();
        if (full > 0) {
            busy.add(full + " at capacity");
        }
        if (paused > 0) {
            busy.add(paused + " paused");
        }
        if (declined > 0) {
            busy.add(declined + " already declined this visitor");
        }
        return "Everyone who fits is busy (" + String.join(", ", busy) + "): a free slot, a resumed or a new "
                + "past patient would help";
    }

    /** "a microdiscectomy or herniated disc", "spinal stenosis" */
    private static String what(MatchTarget target) {
        List<String> parts = new ArrayList<>();
        if (target.specificProcedure() != null) {
            String procedure = Wording.of(target.specificProcedure());
            parts.add(("aeiou".indexOf(procedure.charAt(0)) >= 0 ? "an " : "a ") + procedure);
        }
        if (target.specificCondition() != null) {
            parts.add(Wording.of(target.specificCondition()));
        }
        return String.join(" or ", parts);
    }

    private static String count(int people) {
        return people == 1 ? "One past patient" : people + " past patients";
    }
}
