package com.leadflow.intake.lead;

import com.leadflow.events.Condition;
import com.leadflow.events.ConservativeTreatment;
import com.leadflow.events.ContactChannel;
import com.leadflow.events.ContactTime;
import com.leadflow.events.GenderPreference;
import com.leadflow.events.PainDuration;
import com.leadflow.events.Procedure;
import com.leadflow.events.RedFlag;
import com.leadflow.events.ServiceType;
import com.leadflow.events.SubscriberRelationship;
import com.leadflow.events.Symptom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * A submission that passed every rule, normalized (phone in E.164, email in lower case, defaults
 * filled in). The vocabulary is the contracts' enums. Carries PHI: never log it.
 */
public record ValidLead(
        List<ServiceType> requestedServices,
        Contact contact,
        LocalDate dateOfBirth,
        String zipCode,
        String preferredLanguage,
        Clinical clinical,
        Insurance insurance,
        String disclosureVersion,
        String pageUrl,
        Attribution attribution,
        GenderPreference ambassadorGender,
        List<UUID> imagingIds) {

    public boolean asksFor(ServiceType service) {
        return requestedServices.contains(service);
    }

    public record Contact(String firstName, String lastName, String email, String phone, ContactChannel preferredChannel,
            ContactTime preferredTime) {
    }

    public record Clinical(Condition condition, List<Symptom> symptoms, List<RedFlag> redFlags, Integer painLevel,
            PainDuration painDuration, List<ConservativeTreatment> treatmentsTried, Procedure procedureOfInterest,
            String description) {
    }

    public record Insurance(String payerId, String payerName, String memberId, String groupNumber,
            SubscriberRelationship subscriberRelationship, String subscriberFirstName, String subscriberLastName,
            LocalDate subscriberDateOfBirth) {
    }

    public record Attribution(String utmSource, String utmMedium, String utmCampaign, String utmTerm, String utmContent,
            String referrer, String landingPage, Instant firstTouchAt) {

        static final Attribution NONE = new Attribution(null, null, null, null, null, null, null, null);
    }
}
