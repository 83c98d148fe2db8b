package com.leadflow.matching;

import com.leadflow.events.Attribution;
import com.leadflow.events.ClinicalProfile;
import com.leadflow.events.Condition;
import com.leadflow.events.ConnectPreferences;
import com.leadflow.events.ConsentEvidence;
import com.leadflow.events.Contact;
import com.leadflow.events.GenderPreference;
import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.Location;
import com.leadflow.events.Procedure;
import com.leadflow.events.Reporter;
import com.leadflow.events.ReviewOutcome;
import com.leadflow.events.ReviewStatusDetails;
import com.leadflow.events.ServiceType;
import com.leadflow.events.Stage;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.schemas.Topic;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Events as intake and review would publish them, for feeding matching in tests. Invented people only. */
final class LeadEvents {

    private LeadEvents() {
    }

    static LeadSubmitted lead(String leadId, Condition condition, Procedure procedure, boolean askedToConnect,
            boolean consent, String language) {
        List<ServiceType> services = askedToConnect
                ? List.of(ServiceType.MRI_CT_REVIEW, ServiceType.CONNECT_WITH_PAST_PATIENT)
                : List.of(ServiceType.MRI_CT_REVIEW);
        return LeadSubmitted.newBuilder()
                .setLeadId(leadId)
                .setSubmittedAt(Instant.now())
                .setRequestedServices(services)
                .setContact(Contact.newBuilder().setFirstName("Testy").setLastName("Visitor")
                        .setEmail("testy@example.invalid").build())
                .setDateOfBirth(LocalDate.now().minusYears(63))
                .setLocation(Location.newBuilder().setZipCode("78701").setState("TX").setTimeZone("America/Chicago").build())
                .setPreferredLanguage(language)
                .setClinical(ClinicalProfile.newBuilder().setCondition(condition).setProcedureOfInterest(procedure).build())
                .setConsent(ConsentEvidence.newBuilder().setContactConsentGiven(consent).setDisclosureVersion("v1")
                        .setDisclosureSha256("0".repeat(64)).setRecordedAt(Instant.now()).build())
                .setAttribution(Attribution.newBuilder().build())
                .setConnectPreferences(ConnectPreferences.newBuilder().setAmbassadorGender(GenderPreference.NO_PREFERENCE).build())
                .build();
    }

    static LeadStatusChanged reviewFoundCandidate(String leadId, Condition condition, Procedure recommended) {
        return LeadStatusChanged.newBuilder()
                .setLeadId(leadId)
                .setOccurredAt(Instant.now())
                .setReporter(Reporter.REVIEW)
                .setStage(Stage.REVIEW)
                .setStatus(LeadStatus.REVIEW_COMPLETED)
                .setSummary("Review completed")
                .setReview(ReviewStatusDetails.newBuilder().setReviewId(UUID.randomUUID().toString())
                        .setOutcome(ReviewOutcome.CANDIDATE).setRecommendedProcedure(recommended)
                        .setCondition(condition).build())
                .build();
    }

    /** A record with the headers every leadflow event carries; the same event id means the same event. */
    static <V> ProducerRecord<String, Object> record(Topic<String, V> topic, String leadId, V value, String eventId) {
        var record = new ProducerRecord<String, Object>(topic.name(), leadId, value);
        EventHeaders.write(record.headers(), EventHeaders.EVENT_ID, eventId);
        EventHeaders.write(record.headers(), EventHeaders.CORRELATION_ID, "test-" + eventId.substring(0, 8));
        return record;
    }
}
