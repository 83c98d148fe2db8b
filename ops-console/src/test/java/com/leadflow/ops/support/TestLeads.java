package com.leadflow.ops.support;

import com.leadflow.events.Attribution;
import com.leadflow.events.ClinicalProfile;
import com.leadflow.events.Condition;
import com.leadflow.events.ConnectPreferences;
import com.leadflow.events.ConsentEvidence;
import com.leadflow.events.Contact;
import com.leadflow.events.GenderPreference;
import com.leadflow.events.InsuranceDetails;
import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.Location;
import com.leadflow.events.Procedure;
import com.leadflow.events.Reporter;
import com.leadflow.events.ServiceType;
import com.leadflow.events.Stage;
import com.leadflow.events.SubscriberRelationship;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.schemas.Topic;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Events as intake and the services publish them. Invented people only. */
public final class TestLeads {

    /** Personal values of the invented visitor of the PHI test: none may appear anywhere the console answers or logs. */
    public static final String FIRST_NAME = "Zebulon";
    public static final String LAST_NAME = "Quartermaine";
    public static final String EMAIL = "zebulon.quartermaine@example.invalid";
    public static final String PHONE = "+15125550199";
    public static final LocalDate DATE_OF_BIRTH = LocalDate.of(1951, 7, 14);
    public static final String MEMBER_ID = "ZQX99887766";
    public static final String CLINICAL_NOTE = "Numbness in the left foot since the fall";

    private TestLeads() {
    }

    public static String newLeadId() {
        return UUID.randomUUID().toString();
    }

    public static LeadSubmitted submitted(String leadId) {
        return LeadSubmitted.newBuilder()
                .setLeadId(leadId)
                .setSubmittedAt(Instant.now())
                .setRequestedServices(List.of(ServiceType.MRI_CT_REVIEW, ServiceType.INSURANCE_VERIFICATION))
                .setContact(Contact.newBuilder().setFirstName(FIRST_NAME).setLastName(LAST_NAME)
                        .setEmail(EMAIL).setPhone(PHONE).build())
                .setDateOfBirth(DATE_OF_BIRTH)
                .setLocation(Location.newBuilder().setZipCode("78701").setState("TX").setTimeZone("America/Chicago").build())
                .setPreferredLanguage("en")
                .setClinical(ClinicalProfile.newBuilder().setCondition(Condition.HERNIATED_DISC)
                        .setProcedureOfInterest(Procedure.MICRODISCECTOMY).setDescription(CLINICAL_NOTE).build())
                .setInsurance(InsuranceDetails.newBuilder().setPayerName("Aetna").setMemberId(MEMBER_ID)
                        .setSubscriberRelationship(SubscriberRelationship.SELF).build())
                .setConsent(ConsentEvidence.newBuilder().setContactConsentGiven(true).setDisclosureVersion("v1")
                        .setDisclosureSha256("0".repeat(64)).setRecordedAt(Instant.now()).build())
                .setAttribution(Attribution.newBuilder().build())
                .setConnectPreferences(ConnectPreferences.newBuilder().setAmbassadorGender(GenderPreference.NO_PREFERENCE).build())
                .build();
    }

    public static LeadStatusChanged reviewQueued(String leadId) {
        return LeadStatusChanged.newBuilder()
                .setLeadId(leadId)
                .setOccurredAt(Instant.now())
                .setReporter(Reporter.REVIEW)
                .setStage(Stage.REVIEW)
                .setStatus(LeadStatus.REVIEW_QUEUED)
                .setSummary("The imaging review is in the clinicians' queue")
                .build();
    }

    /** A record with the headers the outbox relay writes. */
    public static <V> ProducerRecord<String, Object> record(Topic<String, V> topic, String leadId, V value) {
        var record = new ProducerRecord<String, Object>(topic.name(), leadId, value);
        String eventId = UUID.randomUUID().toString();
        EventHeaders.write(record.headers(), EventHeaders.EVENT_ID, eventId);
        EventHeaders.write(record.headers(), EventHeaders.CORRELATION_ID, "corr-" + eventId.substring(0, 8));
        EventHeaders.write(record.headers(), EventHeaders.EVENT_TYPE, value.getClass().getName());
        return record;
    }
}
