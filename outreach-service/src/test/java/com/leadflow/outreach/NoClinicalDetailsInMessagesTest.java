package com.leadflow.outreach;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.Condition;
import com.leadflow.events.ConservativeTreatment;
import com.leadflow.events.ImagingFormat;
import com.leadflow.events.ImagingModality;
import com.leadflow.events.ImagingReference;
import com.leadflow.events.InsuranceDetails;
import com.leadflow.events.LeadStatus;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.events.PainDuration;
import com.leadflow.events.Procedure;
import com.leadflow.events.RedFlag;
import com.leadflow.events.Reporter;
import com.leadflow.events.ServiceType;
import com.leadflow.events.Stage;
import com.leadflow.events.SubscriberRelationship;
import com.leadflow.events.Symptom;
import com.leadflow.outreach.kit.KitContent;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;

/**
 * Email and texts are not secure channels: no message body or subject carries a clinical or
 * insurance value of the lead, field by field, whichever message it is (the kit's own PDF is the
 * kit, and is about the procedure by design).
 */
class NoClinicalDetailsInMessagesTest extends OutreachScenario {

    @Test
    void noMessageCarriesAnyClinicalOrInsuranceValueOfTheLead() throws Exception {
        SMS.stubFor(post(urlEqualTo(InfoKitByTextTest.MESSAGES)).atPriority(10)
                .willReturn(aResponse().withStatus(201).withBody("{\"sid\": \"SM1\"}")));
        String email = TestLeads.email();
        String phone = TestLeads.phone();
        LeadSubmitted byEmail = detailed(TestLeads.lead(email, null, List.of(ServiceType.INFO_KIT,
                ServiceType.MRI_CT_REVIEW, ServiceType.INSURANCE_VERIFICATION)).build());
        LeadSubmitted byText = detailed(TestLeads.lead(null, phone, List.of(ServiceType.INFO_KIT,
                ServiceType.MRI_CT_REVIEW, ServiceType.INSURANCE_VERIFICATION)).build());

        for (LeadSubmitted lead : List.of(byEmail, byText)) {
            submit(lead);
            awaitStatus(lead.getLeadId(), LeadStatus.INFO_KIT_SENT);
            for (LeadStatus stage : List.of(LeadStatus.REVIEW_AWAITING_IMAGING, LeadStatus.REVIEW_COMPLETED,
                    LeadStatus.INSURANCE_VERIFIED, LeadStatus.MATCH_PROPOSED)) {
                report(TestLeads.status(lead.getLeadId(), Reporter.REVIEW, Stage.REVIEW, stage));
            }
        }
        Awaitility.await().atMost(WAIT).until(() -> mailTo(email).size() == 5);
        Awaitility.await().atMost(WAIT).until(() -> InfoKitByTextTest.textsTo(phone).size() == 5);

        List<String> bodies = new ArrayList<>();
        for (var mail : mailTo(email)) {
            bodies.add(Mails.allText(mail));
        }
        InfoKitByTextTest.textsTo(phone).forEach(text -> bodies.add(InfoKitByTextTest.form(text, "Body")));

        Map<String, String> values = forbidden(byEmail);
        assertThat(bodies).hasSize(10);
        for (String body : bodies) {
            values.forEach((field, value) -> assertThat(body.toLowerCase(Locale.ROOT))
                    .as("a message body shows the lead's %s", field)
                    .doesNotContain(value.toLowerCase(Locale.ROOT)));
        }
    }

    /** A lead with a distinctive value in every clinical and insurance field. */
    private static LeadSubmitted detailed(LeadSubmitted lead) {
        var clinical = lead.getClinical();
        clinical.setCondition(Condition.SPONDYLOLISTHESIS);
        clinical.setProcedureOfInterest(Procedure.KYPHOPLASTY);
        clinical.setSymptoms(List.of(Symptom.SCIATIC_PAIN, Symptom.NUMBNESS));
        clinical.setRedFlags(List.of(RedFlag.SADDLE_NUMBNESS));
        clinical.setPainLevel(9);
        clinical.setPainDuration(PainDuration.OVER_12_MONTHS);
        clinical.setTreatmentsTried(List.of(ConservativeTreatment.ACUPUNCTURE, ConservativeTreatment.INJECTIONS));
        clinical.setDescription("Burning ache radiating since the tractor accident");
        lead.setImaging(List.of(ImagingReference.newBuilder().setImagingId("img-77f1").setModality(ImagingModality.MRI)
                .setFormat(ImagingFormat.DICOM).setSizeBytes(1234567L).setStudyDate(LocalDate.of(2026, 9, 17))
                .setUploadedAt(Instant.now()).setSha256("ab".repeat(32)).build()));
        lead.setInsurance(InsuranceDetails.newBuilder().setPayerId("payer-aetna").setPayerName("Aetna Choice Plus")
                .setMemberId("W123456789").setGroupNumber("GRP-55821")
                .setSubscriberRelationship(SubscriberRelationship.SPOUSE).setSubscriberFirstName("Bartholomew")
                .setSubscriberLastName("Quixley").setSubscriberDateOfBirth(LocalDate.of(1958, 7, 2)).build());
        return lead;
    }

    private static Map<String, String> forbidden(LeadSubmitted lead) {
        var clinical = lead.getClinical();
        var insurance = lead.getInsurance();
        KitContent english = new KitContent(Locale.ENGLISH);
        Map<String, String> values = new java.util.LinkedHashMap<>();
        values.put("condition", clinical.getCondition().name());
        values.put("condition in words", "spondylolisthesis");
        values.put("procedure", clinical.getProcedureOfInterest().name());
        values.put("procedure in words", english.procedureName(clinical.getProcedureOfInterest()));
        values.put("symptom", Symptom.SCIATIC_PAIN.name());
        values.put("symptom in words", "numbness");
        values.put("red flag", RedFlag.SADDLE_NUMBNESS.name());
        values.put("red flag in words", "saddle");
        values.put("pain level", "9/10");
        values.put("pain level in words", "pain level");
        values.put("pain duration", PainDuration.OVER_12_MONTHS.name());
        values.put("pain duration in words", "12 months");
        values.put("treatment tried", ConservativeTreatment.ACUPUNCTURE.name());
        values.put("treatment tried in words", "injections");
        values.put("description", clinical.getDescription());
        values.put("description in part", "tractor");
        values.put("imaging id", "img-77f1");
        values.put("imaging study date", "2026-09-17");
        values.put("imaging format", "DICOM");
        values.put("payer id", insurance.getPayerId());
        values.put("payer name", insurance.getPayerName());
        values.put("payer", "Aetna");
        values.put("member id", insurance.getMemberId());
        values.put("group number", insurance.getGroupNumber());
        values.put("subscriber first name", insurance.getSubscriberFirstName());
        values.put("subscriber last name", insurance.getSubscriberLastName());
        values.put("subscriber date of birth", "1958");
        values.put("date of birth", "1961");
        values.put("last name", lead.getContact().getLastName());
        return values;
    }
}
