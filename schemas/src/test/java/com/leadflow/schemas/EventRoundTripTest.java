package com.leadflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.events.Attribution;
import com.leadflow.events.ClinicalProfile;
import com.leadflow.events.Condition;
import com.leadflow.events.ConnectPreferences;
import com.leadflow.events.ConservativeTreatment;
import com.leadflow.events.ConsentEvidence;
import com.leadflow.events.Contact;
import com.leadflow.events.ContactChannel;
import com.leadflow.events.ContactTime;
import com.leadflow.events.EligibilityDetails;
import com.leadflow.events.GenderPreference;
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
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.avro.generic.IndexedRecord;
import org.apache.avro.io.BinaryEncoder;
import org.apache.avro.io.DecoderFactory;
import org.apache.avro.io.EncoderFactory;
import org.apache.avro.specific.SpecificDatumReader;
import org.apache.avro.specific.SpecificDatumWriter;
import org.apache.avro.specific.SpecificRecord;
import org.junit.jupiter.api.Test;

/** The generated classes encode and decode with Avro binary, logical types and defaults included. */
class EventRoundTripTest {

    private static final Instant AT = SampleEvents.AT;

    @Test
    void aFullyPopulatedLeadSubmittedSurvivesABinaryRoundTrip() throws IOException {
        LeadSubmitted lead = SampleEvents.leadSubmitted();

        assertThat(unsetFields("LeadSubmitted", lead)).as("fields left unset, so not covered").isEmpty();
        // Not decoded.equals(lead): a decoded list is a GenericData.Array, whose equals compares without
        // the logical-type conversions and throws on imaging[].studyDate (a LocalDate in a union).
        assertThat(roundTrip(lead)).usingRecursiveComparison().isEqualTo(lead);
    }

    @Test
    void aLeadStatusChangedWithReviewInsuranceAndMatchDetailsSurvivesABinaryRoundTrip() throws IOException {
        LeadStatusChanged status = SampleEvents.leadStatusChanged();

        assertThat(unsetFields("LeadStatusChanged", status)).as("fields left unset, so not covered").isEmpty();
        assertThat(roundTrip(status)).isEqualTo(status);
    }

    @Test
    void aLeadSubmittedWithOnlyRequiredFieldsGetsTheDocumentedDefaults() throws IOException {
        LeadSubmitted lead = roundTrip(LeadSubmitted.newBuilder()
                .setLeadId("lead-2")
                .setSubmittedAt(AT)
                .setRequestedServices(List.of(ServiceType.CALL_BACK))
                .setContact(Contact.newBuilder().setFirstName("Ana").setLastName("Diaz").build())
                .setDateOfBirth(LocalDate.of(1958, 11, 2))
                .setLocation(Location.newBuilder().setZipCode("33602").build())
                .setClinical(ClinicalProfile.newBuilder().build())
                .setConsent(SampleEvents.consent())
                .setAttribution(Attribution.newBuilder().build())
                .build());

        assertThat(lead.getPreferredLanguage()).isEqualTo("en");
        assertThat(lead.getImaging()).isEmpty();
        assertThat(lead.getInsurance()).isNull();
        assertThat(lead.getConnectPreferences()).isNull();
        assertThat(lead.getPossibleDuplicateOf()).isNull();
        assertThat(lead.getContact().getEmail()).isNull();
        assertThat(lead.getContact().getPhone()).isNull();
        assertThat(lead.getContact().getPreferredChannel()).isEqualTo(ContactChannel.PHONE);
        assertThat(lead.getContact().getPreferredTime()).isEqualTo(ContactTime.ANYTIME);
        assertThat(lead.getLocation().getState()).isNull();
        ClinicalProfile clinical = lead.getClinical();
        assertThat(clinical.getCondition()).isEqualTo(Condition.UNKNOWN);
        assertThat(clinical.getSymptoms()).isEmpty();
        assertThat(clinical.getRedFlags()).isEmpty();
        assertThat(clinical.getPainLevel()).isNull();
        assertThat(clinical.getPainDuration()).isEqualTo(PainDuration.UNKNOWN);
        assertThat(clinical.getTreatmentsTried()).isEmpty();
        assertThat(clinical.getProcedureOfInterest()).isNull();
        assertThat(lead.getAttribution().getUtmSource()).isNull();
        assertThat(lead.getAttribution().getFirstTouchAt()).isNull();
    }

    /** Null values and empty lists, so a field added to the schema later is not silently left out here. */
    private static List<String> unsetFields(String path, IndexedRecord record) {
        List<String> unset = new ArrayList<>();
        for (var field : record.getSchema().getFields()) {
            String fieldPath = path + "." + field.name();
            Object value = record.get(field.pos());
            if (value == null || value instanceof List<?> list && list.isEmpty()) {
                unset.add(fieldPath);
            } else if (value instanceof IndexedRecord nested) {
                unset.addAll(unsetFields(fieldPath, nested));
            } else if (value instanceof List<?> list) {
                list.stream().filter(IndexedRecord.class::isInstance)
                        .forEach(item -> unset.addAll(unsetFields(fieldPath + "[]", (IndexedRecord) item)));
            }
        }
        return unset;
    }

    @SuppressWarnings("unchecked")
    private static <T extends SpecificRecord> T roundTrip(T record) throws IOException {
        Class<T> type = (Class<T>) record.getClass();
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        BinaryEncoder encoder = EncoderFactory.get().binaryEncoder(bytes, null);
        new SpecificDatumWriter<>(type).write(record, encoder);
        encoder.flush();
        return new SpecificDatumReader<>(type).read(null, DecoderFactory.get().binaryDecoder(bytes.toByteArray(), null));
    }
}
