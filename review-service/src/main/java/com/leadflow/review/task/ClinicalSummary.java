package com.leadflow.review.task;

import com.leadflow.events.Condition;
import com.leadflow.events.Procedure;
import java.util.List;

/**
 * The minimum a clinician needs to review a lead's imaging: no name, contact details, date of
 * birth or insurance. Enum values are kept by name so the record stays plain.
 *
 * @param painLevel 0 to 10, null when not given
 * @param procedureOfInterest null when the visitor named none
 * @param age whole years at submission, derived from the date of birth, which is not kept
 */
public record ClinicalSummary(Condition condition, List<String> symptoms, List<String> redFlags, Integer painLevel,
        String painDuration, List<String> treatmentsTried, Procedure procedureOfInterest, int age) {

    public ClinicalSummary {
        symptoms = List.copyOf(symptoms);
        redFlags = List.copyOf(redFlags);
        treatmentsTried = List.copyOf(treatmentsTried);
    }
}
