package com.leadflow.schemas;

import com.leadflow.events.Attribution;
import com.leadflow.events.ClinicalProfile;
import com.leadflow.events.Condition;
import com.leadflow.events.ConnectPreferences;
import com.leadflow.events.ConsentEvidence;
import com.leadflow.events.ConservativeTreatment;
import com.leadflow.events.Contact;
import com.leadflow.events.ContactChannel;
import com.leadflow.events.ContactTime;
import com.leadflow.events.EligibilityCheckDue;
import com.leadflow.events.EligibilityDetails;
import com.leadflow.events.GenderPreference;
import com.leadflow.events.ImagingAttached;
import com.leadflow.events.ImagingFormat;
import com.leadflow.events.ImagingModality;
import com.leadflow.events.ImagingReference;
import com.leadflow.events.ImagingSeries;
import com.leadflow.events.InformationNeeded;
import com.leadflow.events.InsuranceDetails;
import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadStatusChanged;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.Location;
import com.leadflow.events.MatchDetails;
import com.leadflow.events.NetworkStatus;
import com.leadflow.events.NextStep;
import com.leadflow.events.PainDuration;
import com.leadflow.events.Procedure;
import com.leadflow.events.RedFlag;
import com.leadflow.events.Reporter;
import com.leadflow.events.ReviewOutcome;
import com.leadflow.events.ReviewPriority;
import com.leadflow.events.ReviewStatusDetails;
import com.leadflow.events.ServiceType;
import com.leadflow.events.Stage;
import com.leadflow.events.SubscriberRelationship;
import com.leadflow.events.Symptom;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * One event of each type with every field set (lists non-empty, unions not null), for tests that
 * must cover the whole schema: a field added later and left out here shows up in
 * {@code EventRoundTripTest}'s check for unset fields. Shared with other modules' tests through this
 * module's test jar.
 */
public final class SampleEvents {

    /** Millisecond precision: timestamp-millis drops anything finer, which would break equality. */
    public static final Instant AT = Instant.parse("2025-03-04T15:20:30.123Z");

    private SampleEvents() {
    }

    public static LeadSubmitted leadSubmitted() {
        return LeadSubmitted.newBuilder()
                .setLeadId("lead-1")
                .setSubmittedAt(AT)
                .setRequestedServices(List.of(ServiceType.MRI_CT_REVIEW, ServiceType.INSURANCE_VERIFICATION))
                .setContact(Contact.newBuilder()
                        .setFirstName("Maria").setLastName("Lopez")
                        .setEmail("maria@example.com").setPhone("+18135550100")
                        .setPreferredChannel(ContactChannel.TEXT).setPreferredTime(ContactTime.EVENING)
                        .build())
                .setDateOfBirth(LocalDate.of(1961, 7, 14))
                .setLocation(Location.newBuilder().setZipCode("33602").setState("FL").setTimeZone("America/New_York").build())
                .setPreferredLanguage("es")
                .setClinical(ClinicalProfile.newBuilder()
                        .setCondition(Condition.SPINAL_STENOSIS)
                        .setSymptoms(List.of(Symptom.LOWER_BACK_PAIN, Symptom.SCIATIC_PAIN))
                        .setRedFlags(List.of(RedFlag.PROGRESSIVE_WEAKNESS))
                        .setPainLevel(7)
                        .setPainDuration(PainDuration.OVER_12_MONTHS)
                        .setTreatmentsTried(List.of(ConservativeTreatment.PHYSICAL_THERAPY, ConservativeTreatment.INJECTIONS))
                        .setProcedureOfInterest(Procedure.LAMINECTOMY)
                        .setDescription("Pain down the left leg when walking.")
                        .build())
                .setImaging(List.of(ImagingReference.newBuilder()
                        .setImagingId("img-1").setModality(ImagingModality.MRI).setFormat(ImagingFormat.DICOM)
                        .setSizeBytes(52_428_800L).setStudyDate(LocalDate.of(2025, 1, 20)).setUploadedAt(AT)
                        .setSha256("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08")
                        .setStudyInstanceUid("1.2.826.0.1.3680043.10.77.1").setStudyDescription("MRI LUMBAR SPINE")
                        .setBodyPart("LSPINE")
                        .setSeries(List.of(ImagingSeries.newBuilder().setSeriesInstanceUid("1.2.826.0.1.3680043.10.77.1.2")
                                .setSeriesNumber(2).setModality("MR").setDescription("SAG T2").setBodyPart("LSPINE")
                                .setImageCount(17).build()))
                        .build()))
                .setInsurance(InsuranceDetails.newBuilder()
                        .setPayerId("payer-42").setPayerName("Acme Health").setMemberId("M123456789")
                        .setGroupNumber("G-77").setSubscriberRelationship(SubscriberRelationship.SPOUSE)
                        .setSubscriberFirstName("Jose").setSubscriberLastName("Lopez")
                        .setSubscriberDateOfBirth(LocalDate.of(1959, 3, 1))
                        .build())
                .setConsent(consent())
                .setAttribution(Attribution.newBuilder()
                        .setUtmSource("google").setUtmMedium("cpc").setUtmCampaign("stenosis").setUtmTerm("laminectomy")
                        .setUtmContent("ad-3").setReferrer("https://www.google.com/").setLandingPage("/stenosis")
                        .setFirstTouchAt(AT.minusSeconds(86_400))
                        .build())
                .setConnectPreferences(ConnectPreferences.newBuilder().setAmbassadorGender(GenderPreference.FEMALE).build())
                .setPossibleDuplicateOf("lead-0")
                .build();
    }

    public static LeadStatusChanged leadStatusChanged() {
        return LeadStatusChanged.newBuilder()
                .setLeadId("lead-1")
                .setOccurredAt(AT)
                .setReporter(Reporter.REVIEW)
                .setStage(Stage.REVIEW)
                .setStatus(LeadStatus.REVIEW_COMPLETED)
                .setSummary("Review completed")
                .setReview(ReviewStatusDetails.newBuilder()
                        .setReviewId("rev-1").setPriority(ReviewPriority.URGENT).setDueAt(AT.plusSeconds(3_600))
                        .setStaleImaging(true).setOutcome(ReviewOutcome.NEEDS_MORE_INFORMATION)
                        .setRecommendedProcedure(Procedure.MICRODISCECTOMY).setCondition(Condition.HERNIATED_DISC)
                        .setNextStep(NextStep.NEW_IMAGING).setInformationNeeded(InformationNeeded.NEWER_IMAGING)
                        .build())
                .setInsurance(EligibilityDetails.newBuilder()
                        .setCheckId("chk-1").setPayerId("payer-42").setPayerName("Acme Health").setCoverageActive(true)
                        .setPlanName("Acme PPO").setCoverageStart(LocalDate.of(2025, 1, 1)).setCoverageEnd(LocalDate.of(2025, 12, 31))
                        .setNetwork(NetworkStatus.IN_NETWORK).setCopayCents(4_000L).setCoinsurancePercent(20)
                        .setDeductibleRemainingCents(120_000L).setOutOfPocketRemainingCents(450_000L)
                        .setPriorAuthorizationRequired(true).setPayerCode("75").setReason("Subscriber not found")
                        .setPatientCanFix(true).setAttempts(2)
                        .build())
                .setMatch(MatchDetails.newBuilder()
                        .setMatchId("match-1").setAmbassadorId("amb-9").setAmbassadorDisplayName("Larry L.")
                        .setSharedCondition(Condition.SPINAL_STENOSIS).setSharedProcedure(Procedure.LAMINECTOMY)
                        .setReasons(List.of("same procedure", "same age group")).setFeedbackRating(5)
                        .build())
                .build();
    }

    public static ConsentEvidence consent() {
        return ConsentEvidence.newBuilder()
                .setContactConsentGiven(true).setDisclosureVersion("2025-01")
                .setDisclosureSha256("2c26b46b68ffc68ff99b453c1d30413413422d706483bfa0f98a5e886266e7ae")
                .setRecordedAt(AT).setIpAddress("203.0.113.7").setUserAgent("Mozilla/5.0").setPageUrl("https://example.com/form")
                .build();
    }

    /** One imaging reference with every field set, as in {@link #leadSubmitted()}. */
    public static ImagingAttached imagingAttached() {
        return ImagingAttached.newBuilder()
                .setLeadId("lead-1")
                .setAttachedAt(AT)
                .setImaging(leadSubmitted().getImaging().get(0))
                .build();
    }

    public static EligibilityCheckDue eligibilityCheckDue() {
        return EligibilityCheckDue.newBuilder().setCheckId("chk-1").setAttempt(2).build();
    }
}
