package com.leadflow.matching.scoring;

import com.leadflow.matching.ambassador.Ambassador;
import java.util.List;

/**
 * How well one ambassador fits one visitor, criterion by criterion, with the reasons in words.
 *
 * @param ageDistance bands apart; 0 when the visitor's age is unknown
 * @param regionCloseness 2 same state, 1 same time zone, 0 neither
 */
public record ScoredAmbassador(
        Ambassador ambassador,
        boolean sameProcedure,
        boolean sameCondition,
        int ageDistance,
        boolean genderAsPreferred,
        int regionCloseness,
        List<String> reasons) {

    public ScoredAmbassador {
        reasons = List.copyOf(reasons);
    }
}
