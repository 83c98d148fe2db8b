package com.leadflow.insurance.check;

import com.leadflow.events.Attribution;
import com.leadflow.events.ClinicalProfile;
import com.leadflow.events.ConsentEvidence;
import com.leadflow.events.Contact;
import com.leadflow.events.InsuranceDetails;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.Location;
import com.leadflow.events.ServiceType;
import com.leadflow.events.SubscriberRelationship;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.schemas.Topics;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** Submitted leads as intake would publish them. */
final class TestLeads {

    private TestLeads() {
    }

    /** Publishes a lead as intake does: keyed by lead id, with event and correlation ids. */
    static void submit(KafkaTemplate<String, Object> kafka, LeadSubmitted lead, String eventId) throws Exception {
        send(kafka, lead, eventId).get(10, TimeUnit.SECONDS);
    }

    /** {@link #submit} without waiting for the broker, so that many leads can reach the service in one poll. */
    static CompletableFuture<?> send(KafkaTemplate<String, Object> kafka, LeadSubmitted lead, String eventId) {
        var record = new ProducerRecord<String, Object>(Topics.LEADS_SUBMITTED.name(), lead.getLeadId(), lead);
        EventHeaders.write(record.headers(), EventHeaders.EVENT_ID, eventId);
        EventHeaders.write(record.headers(), EventHeaders.CORRELATION_ID, "test-" + eventId);
        return kafka.send(record);
    }

    static String newLeadId() {
        return "lead-" + UUID.randomUUID();
    }

    static InsuranceDetails insurance(String payerId, String payerName, String memberId) {
        return InsuranceDetails.newBuilder()
                .setPayerId(payerId)
                .setPayerName(payerName)
                .setMemberId(memberId)
                .setSubscriberRelationship(SubscriberRelationship.SELF)
                .build();
    }

    static LeadSubmitted lead(String leadId, InsuranceDetails insurance, ServiceType... services) {
        Instant now = Instant.now();
        return LeadSubmitted.newBuilder()
                .setLeadId(leadId)
                .setSubmittedAt(now)
                .setRequestedServices(services.length == 0 ? List.of(ServiceType.INSURANCE_VERIFICATION) : List.of(services))
                .setContact(Contact.newBuilder().setFirstName("Jane").setLastName("Doe").setEmail("jane@example.com").build())
                .setDateOfBirth(LocalDate.of(1970, 1, 31))
                .setLocation(Location.newBuilder().setZipCode("10001").build())
                .setClinical(ClinicalProfile.newBuilder().build())
                .setInsurance(insurance)
                .setConsent(ConsentEvidence.newBuilder().setContactConsentGiven(true).setDisclosureVersion("v1")
                        .setDisclosureSha256("0".repeat(64)).setRecordedAt(now).build())
                .setAttribution(Attribution.newBuilder().build())
                .build();
    }
}
