package com.leadflow.intake.lead;

import com.leadflow.events.Condition;
import com.leadflow.events.ConservativeTreatment;
import com.leadflow.events.PainDuration;
import com.leadflow.events.Procedure;
import com.leadflow.events.RedFlag;
import com.leadflow.events.Symptom;
import java.util.List;
import java.util.Set;

/** Clinical answers come from the practice's lists; pain is 0 (none) to 10 (worst imaginable). */
final class ClinicalRules {

    private ClinicalRules() {
    }

    static ValidLead.Clinical check(Checks checks, LeadRequest.Clinical clinical) {
        if (clinical == null) {
            return new ValidLead.Clinical(Condition.UNKNOWN, List.of(), List.of(), null, PainDuration.UNKNOWN,
                    List.of(), null, null);
        }
        Condition condition = checks.oneOf("clinical.condition", clinical.condition(), Condition.class,
                Condition.UNKNOWN, Set.of());
        List<Symptom> symptoms = checks.listOf("clinical.symptoms", clinical.symptoms(), Symptom.class, Set.of(), 20);
        List<RedFlag> redFlags = checks.listOf("clinical.redFlags", clinical.redFlags(), RedFlag.class, Set.of(), 10);
        Integer pain = clinical.painLevel();
        if (pain != null && (pain < 0 || pain > 10)) {
            checks.fail("clinical.painLevel", "range", "Pain is rated from 0 (none) to 10 (worst imaginable).");
        }
        PainDuration duration = checks.oneOf("clinical.painDuration", clinical.painDuration(), PainDuration.class,
                PainDuration.UNKNOWN, Set.of());
        List<ConservativeTreatment> treatments = checks.listOf("clinical.treatmentsTried", clinical.treatmentsTried(),
                ConservativeTreatment.class, Set.of(), 10);
        Procedure procedure = checks.oneOf("clinical.procedureOfInterest", clinical.procedureOfInterest(),
                Procedure.class, null, Set.of());
        String description = checks.text("clinical.description", clinical.description(), false, 2000, null);
        return new ValidLead.Clinical(condition, symptoms, redFlags, pain, duration, treatments, procedure, description);
    }
}
