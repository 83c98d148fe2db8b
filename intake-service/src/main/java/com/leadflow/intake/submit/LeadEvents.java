package com.leadflow.intake.submit;

import com.leadflow.events.Attribution;
import com.leadflow.events.ClinicalProfile;
import com.leadflow.events.ConnectPreferences;
import com.leadflow.events.ConsentEvidence;
import com.leadflow.events.Contact;
import com.leadflow.events.ImagingReference;
import com.leadflow.events.InsuranceDetails;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.Location;
import com.leadflow.intake.evidence.Disclosure;
import com.leadflow.intake.evidence.RequestOrigin;
import com.leadflow.intake.lead.ValidLead;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The {@code LeadSubmitted} fact for a stored lead, with its consent and attribution evidence. */
final class LeadEvents {

    private LeadEvents() {
    }

    static LeadSubmitted submitted(UUID leadId, Instant submittedAt, ValidLead lead, Disclosure disclosure,
            RequestOrigin origin, UUID possibleDuplicateOf, List<ImagingReference> imaging) {
        ValidLead.Contact c = lead.contact();
        ValidLead.Clinical k = lead.clinical();
        ValidLead.Attribution a = lead.attribution();
        return LeadSubmitted.newBuilder()
                .setLeadId(leadId.toString())
                .setSubmittedAt(submittedAt)
                .setRequestedServices(lead.requestedServices())
                .setContact(Contact.newBuilder().setFirstName(c.firstName()).setLastName(c.lastName())
                        .setEmail(c.email()).setPhone(c.phone()).setPreferredChannel(c.preferredChannel())
                        .setPreferredTime(c.preferredTime()).build())
                .setDateOfBirth(lead.dateOfBirth())
                .setLocation(Location.newBuilder().setZipCode(lead.zipCode()).build())
                .setPreferredLanguage(lead.preferredLanguage())
                .setClinical(ClinicalProfile.newBuilder().setCondition(k.condition()).setSymptoms(k.symptoms())
                        .setRedFlags(k.redFlags()).setPainLevel(k.painLevel()).setPainDuration(k.painDuration())
                        .setTreatmentsTried(k.treatmentsTried()).setProcedureOfInterest(k.procedureOfInterest())
                        .setDescription(k.description()).build())
                .setImaging(imaging)
                .setInsurance(insurance(lead.insurance()))
                .setConsent(ConsentEvidence.newBuilder().setContactConsentGiven(true)
                        .setDisclosureVersion(disclosure.version()).setDisclosureSha256(disclosure.sha256())
                        .setRecordedAt(submittedAt).setIpAddress(origin.ipAddress()).setUserAgent(origin.userAgent())
                        .setPageUrl(lead.pageUrl()).build())
                .setAttribution(Attribution.newBuilder().setUtmSource(a.utmSource()).setUtmMedium(a.utmMedium())
                        .setUtmCampaign(a.utmCampaign()).setUtmTerm(a.utmTerm()).setUtmContent(a.utmContent())
                        .setReferrer(a.referrer()).setLandingPage(a.landingPage()).setFirstTouchAt(a.firstTouchAt())
                        .build())
                .setConnectPreferences(lead.ambassadorGender() == null ? null
                        : ConnectPreferences.newBuilder().setAmbassadorGender(lead.ambassadorGender()).build())
                .setPossibleDuplicateOf(possibleDuplicateOf == null ? null : possibleDuplicateOf.toString())
                .build();
    }

    private static InsuranceDetails insurance(ValidLead.Insurance i) {
        if (i == null) {
            return null;
        }
        return InsuranceDetails.newBuilder().setPayerId(i.payerId()).setPayerName(i.payerName())
                .setMemberId(i.memberId()).setGroupNumber(i.groupNumber())
                .setSubscriberRelationship(i.subscriberRelationship()).setSubscriberFirstName(i.subscriberFirstName())
                .setSubscriberLastName(i.subscriberLastName()).setSubscriberDateOfBirth(i.subscriberDateOfBirth())
                .build();
    }
}
