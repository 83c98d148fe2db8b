package com.leadflow.review.support;

import com.leadflow.events.Attribution;
import com.leadflow.events.ClinicalProfile;
import com.leadflow.events.Condition;
import com.leadflow.events.ConsentEvidence;
import com.leadflow.events.Contact;
import com.leadflow.events.ImagingAttached;
import com.leadflow.events.ImagingFormat;
import com.leadflow.events.ImagingModality;
import com.leadflow.events.ImagingReference;
import com.leadflow.events.ImagingSeries;
import com.leadflow.events.InsuranceDetails;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.Location;
import com.leadflow.events.PainDuration;
import com.leadflow.events.Procedure;
import com.leadflow.events.RedFlag;
import com.leadflow.events.ServiceType;
import com.leadflow.events.Symptom;
import com.leadflow.platform.kafka.EventHeaders;
import com.leadflow.schemas.Topics;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.producer.ProducerRecord;

/** Leads as intake would publish them, with recognisable PHI so tests can prove it goes nowhere. */
public final class Leads {

    public static final String FIRST_NAME = "Zebulon";
    public static final String EMAIL = "zebulon.quartermaine@example.org";
    public static final String MEMBER_ID = "MEMBER-998877";

    private Leads() {
    }

    public static String newLeadId() {
        return "lead-" + UUID.randomUUID();
    }

    public static LeadSubmitted lead(String leadId, List<ServiceType> services, List<RedFlag> redFlags,
            List<ImagingReference> imaging) {
        return LeadSubmitted.newBuilder()
                .setLeadId(leadId)
                .setSubmittedAt(Instant.parse("2026-11-20T15:00:00Z"))
                .setRequestedServices(services)
                .setContact(Contact.newBuilder().setFirstName(FIRST_NAME).setLastName("Quartermaine")
                        .setEmail(EMAIL).setPhone("+18005550100").build())
                .setDateOfBirth(LocalDate.parse("1970-11-21"))
                .setLocation(Location.newBuilder().setZipCode("10001").build())
                .setClinical(ClinicalProfile.newBuilder()
                        .setCondition(Condition.HERNIATED_DISC)
                        .setSymptoms(List.of(Symptom.LOWER_BACK_PAIN, Symptom.SCIATIC_PAIN))
                        .setRedFlags(redFlags)
                        .setPainLevel(7)
                        .setPainDuration(PainDuration.MONTHS_3_TO_12)
                        .setTreatmentsTried(List.of())
                        .setProcedureOfInterest(Procedure.MICRODISCECTOMY)
                        .setDescription("Zebulon's back hurts since the fall")
                        .build())
                .setImaging(imaging)
                .setInsurance(InsuranceDetails.newBuilder().setPayerName("Acme Health").setMemberId(MEMBER_ID).build())
                .setConsent(ConsentEvidence.newBuilder().setContactConsentGiven(true).setDisclosureVersion("v1")
                        .setDisclosureSha256("0".repeat(64)).setRecordedAt(Instant.parse("2026-11-20T15:00:00Z")).build())
                .setAttribution(Attribution.newBuilder().build())
                .build();
    }

    public static LeadSubmitted withImaging(String leadId, List<RedFlag> redFlags, LocalDate studyDate) {
        return lead(leadId, List.of(ServiceType.MRI_CT_REVIEW), redFlags, List.of(imaging(studyDate)));
    }

    public static ImagingReference imaging(LocalDate studyDate) {
        return ImagingReference.newBuilder()
                .setImagingId("img-" + UUID.randomUUID())
                .setModality(ImagingModality.MRI)
                .setFormat(ImagingFormat.DICOM)
                .setSizeBytes(2_048_000)
                .setStudyDate(studyDate)
                .setUploadedAt(Instant.parse("2026-11-20T15:00:00Z"))
                .setSha256("a".repeat(64))
                .build();
    }

    /** A DICOM study as intake reports it: an MRI of the lumbar spine with a series per description. */
    public static ImagingReference study(LocalDate studyDate, String studyUid, List<ImagingSeries> series) {
        return ImagingReference.newBuilder(imaging(studyDate))
                .setStudyInstanceUid(studyUid)
                .setStudyDescription("MRI LUMBAR SPINE")
                .setBodyPart("LSPINE")
                .setSeries(series)
                .build();
    }

    public static ImagingSeries series(String uid, int number, String description, int images) {
        return ImagingSeries.newBuilder().setSeriesInstanceUid(uid).setSeriesNumber(number).setModality("MR")
                .setDescription(description).setBodyPart("LSPINE").setImageCount(images).build();
    }

    /** A PDF report as intake reports it. */
    public static ImagingReference report(LocalDate studyDate) {
        // sent a minute after the study, so the review lists the study first (imaging is in the order sent)
        return ImagingReference.newBuilder(imaging(studyDate)).setFormat(ImagingFormat.PDF).setSizeBytes(40_000)
                .setUploadedAt(Instant.parse("2026-11-20T15:01:00Z")).build();
    }

    public static ImagingAttached attached(String leadId, LocalDate studyDate) {
        return ImagingAttached.newBuilder().setLeadId(leadId).setAttachedAt(Instant.now())
                .setImaging(imaging(studyDate)).build();
    }

    /** A record as intake's outbox relay sends it; pass the same event id to simulate a redelivery. */
    public static ProducerRecord<String, Object> record(String topic, String key, Object value, String eventId) {
        ProducerRecord<String, Object> record = new ProducerRecord<>(topic, key, value);
        EventHeaders.write(record.headers(), EventHeaders.EVENT_ID, eventId);
        EventHeaders.write(record.headers(), EventHeaders.CORRELATION_ID, "test-" + UUID.randomUUID());
        return record;
    }

    public static ProducerRecord<String, Object> submitted(LeadSubmitted lead, String eventId) {
        return record(Topics.LEADS_SUBMITTED.name(), lead.getLeadId(), lead, eventId);
    }

    public static ProducerRecord<String, Object> imagingRecord(ImagingAttached attached) {
        return record(Topics.LEADS_IMAGING.name(), attached.getLeadId(), attached, UUID.randomUUID().toString());
    }
}
