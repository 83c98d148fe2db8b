package com.leadflow.outreach;

import com.leadflow.events.Attribution;
import com.leadflow.events.ClinicalProfile;
import com.leadflow.events.Condition;
import com.leadflow.events.ConsentEvidence;
import com.leadflow.events.Contact;
import com.leadflow.events.ContactChannel;
import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.Location;
import com.leadflow.events.Procedure;
import com.leadflow.events.Reporter;
import com.leadflow.events.ServiceType;
import com.leadflow.events.Stage;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.schemas.Topic;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Leads as intake would publish them, for feeding outreach in tests. Invented people only. */
public final class TestLeads {

    /** The disclosure version whose text covers texts, as configured in application.yml. */
    public static final String TEXT_DISCLOSURE = "2026-11-01";

    private static final AtomicInteger NUMBERS = new AtomicInteger(1000);

    private TestLeads() {
    }

    /** A fresh address no other test uses. */
    public static String email() {
        return "visitor-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    /** A fresh US mobile number in E.164. */
    public static String phone() {
        return "+1512555" + String.format("%04d", NUMBERS.incrementAndGet() % 10000);
    }

    public static LeadSubmitted.Builder lead(String email, String phone, List<ServiceType> services) {
        return LeadSubmitted.newBuilder()
                .setLeadId(UUID.randomUUID().toString())
                .setSubmittedAt(Instant.now())
                .setRequestedServices(services)
                .setContact(Contact.newBuilder().setFirstName("Rosa").setLastName("Testperson").setEmail(email)
                        .setPhone(phone).setPreferredChannel(phone != null && email == null ? ContactChannel.TEXT
                                : ContactChannel.EMAIL).build())
                .setDateOfBirth(LocalDate.of(1961, 3, 14))
                .setLocation(Location.newBuilder().setZipCode("75201").build())
                .setPreferredLanguage("en")
                .setClinical(ClinicalProfile.newBuilder().setCondition(Condition.SPINAL_STENOSIS)
                        .setProcedureOfInterest(Procedure.LAMINECTOMY).build())
                .setConsent(ConsentEvidence.newBuilder().setContactConsentGiven(true)
                        .setDisclosureVersion(TEXT_DISCLOSURE).setDisclosureSha256("0".repeat(64))
                        .setRecordedAt(Instant.now()).build())
                .setAttribution(Attribution.newBuilder().build());
    }

    public static LeadSubmitted kitLead(String email, String phone) {
        return lead(email, phone, List.of(ServiceType.INFO_KIT, ServiceType.CALL_BACK)).build();
    }

    public static LeadStatusChanged status(String leadId, Reporter reporter, Stage stage, LeadStatus status) {
        return LeadStatusChanged.newBuilder().setLeadId(leadId).setOccurredAt(Instant.now()).setReporter(reporter)
                .setStage(stage).setStatus(status).setSummary("test").build();
    }

    /** A record with the headers every leadflow event carries; the same event id means the same event. */
    public static <V> ProducerRecord<String, Object> record(Topic<String, V> topic, String leadId, V value, String eventId) {
        var record = new ProducerRecord<String, Object>(topic.name(), leadId, value);
        EventHeaders.write(record.headers(), EventHeaders.EVENT_ID, eventId);
        return record;
    }
}
