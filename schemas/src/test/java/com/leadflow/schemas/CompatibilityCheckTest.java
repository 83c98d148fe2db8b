package com.leadflow.schemas;

import static org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType.MISSING_ENUM_SYMBOLS;
import static org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType.READER_FIELD_MISSING_DEFAULT_VALUE;
import static org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType.TYPE_MISMATCH;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.leadflow.events.LeadSubmitted;
import com.leadflow.schemas.CompatibilityCheck.Problem;
import com.leadflow.schemas.ReleasedSchemas.Version;
import java.util.List;
import java.util.function.Consumer;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;

/** Proves the build's check catches breaking changes to LeadSubmitted and lets compatible ones through. */
class CompatibilityCheckTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** The latest released version: each older one would report the same problem once more. */
    private static final List<Version> RELEASED = List.of(ReleasedSchemas.load().get("LeadSubmitted")
            .get(ReleasedSchemas.load().get("LeadSubmitted").size() - 1));

    @Test
    void aRequiredFieldWithoutDefaultIsRejected() {
        Schema changed = changeLeadSubmitted(lead -> fields(lead).addObject().put("name", "referralCode").put("type", "string"));

        assertThat(CompatibilityCheck.check(changed, RELEASED))
                .extracting(Problem::type, Problem::field, Problem::message)
                .containsExactly(tuple(READER_FIELD_MISSING_DEFAULT_VALUE, "LeadSubmitted.referralCode", "referralCode"));
    }

    @Test
    void aFieldChangedFromStringToIntIsRejectedBothWays() {
        Schema changed = changeLeadSubmitted(lead -> field(lead, "leadId").put("type", "int"));

        assertThat(CompatibilityCheck.check(changed, RELEASED))
                .extracting(Problem::type, Problem::field)
                .containsExactly(tuple(TYPE_MISMATCH, "LeadSubmitted.leadId"), tuple(TYPE_MISMATCH, "LeadSubmitted.leadId"));
    }

    @Test
    void anEnumSymbolRemovedWithoutAnEnumDefaultIsRejected() {
        Schema changed = changeLeadSubmitted(lead -> {
            ObjectNode channel = (ObjectNode) field(record(lead, "contact"), "preferredChannel").get("type");
            ArrayNode symbols = (ArrayNode) channel.get("symbols");
            symbols.remove(indexOf(symbols, "TEXT"));
            channel.remove("default");
        });

        assertThat(CompatibilityCheck.check(changed, RELEASED))
                .extracting(Problem::type, Problem::field, Problem::message)
                .containsExactly(tuple(MISSING_ENUM_SYMBOLS, "LeadSubmitted.contact.preferredChannel", "[TEXT]"));
    }

    /** Avro itself only reports that a nullable record's union branch is missing, not why. */
    @Test
    void aBreakingChangeInsideANullableRecordIsReportedAtTheNestedField() {
        Schema changed = changeLeadSubmitted(lead -> field(record(lead, "insurance"), "memberId").put("type", "long"));

        assertThat(CompatibilityCheck.check(changed, RELEASED))
                .extracting(Problem::type, Problem::field)
                .containsExactly(
                        tuple(TYPE_MISMATCH, "LeadSubmitted.insurance.memberId"),
                        tuple(TYPE_MISMATCH, "LeadSubmitted.insurance.memberId"));
    }

    @Test
    void anOptionalFieldWithADefaultIsAccepted() {
        Schema changed = changeLeadSubmitted(lead -> {
            ObjectNode referral = fields(lead).addObject().put("name", "referralCode");
            referral.putArray("type").add("null").add("string");
            referral.putNull("default");
        });

        assertThat(CompatibilityCheck.check(changed, RELEASED)).isEmpty();
    }

    /** Old readers map the unknown symbol to the enum default instead of failing. */
    @Test
    void anEnumSymbolAddedToAnEnumWithADefaultIsAccepted() {
        Schema changed = changeLeadSubmitted(lead ->
                ((ArrayNode) field(record(lead, "contact"), "preferredChannel").get("type").get("symbols")).add("WHATSAPP"));

        assertThat(CompatibilityCheck.check(changed, RELEASED)).isEmpty();
    }

    @Test
    void theUnchangedSchemaIsAccepted() {
        assertThat(CompatibilityCheck.check(LeadSubmitted.getClassSchema(), RELEASED)).isEmpty();
    }

    private static Schema changeLeadSubmitted(Consumer<ObjectNode> change) {
        try {
            ObjectNode lead = (ObjectNode) JSON.readTree(LeadSubmitted.getClassSchema().toString());
            change.accept(lead);
            return new Schema.Parser().parse(lead.toString());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ArrayNode fields(ObjectNode record) {
        return (ArrayNode) record.get("fields");
    }

    private static ObjectNode field(ObjectNode record, String name) {
        for (JsonNode field : fields(record)) {
            if (field.get("name").asText().equals(name)) {
                return (ObjectNode) field;
            }
        }
        throw new IllegalArgumentException("no field " + name);
    }

    /** The record a field holds, looking through a nullable union. */
    private static ObjectNode record(ObjectNode parent, String fieldName) {
        JsonNode type = field(parent, fieldName).get("type");
        return (ObjectNode) (type.isArray() ? type.get(1) : type);
    }

    private static int indexOf(ArrayNode symbols, String symbol) {
        for (int i = 0; i < symbols.size(); i++) {
            if (symbols.get(i).asText().equals(symbol)) {
                return i;
            }
        }
        throw new IllegalArgumentException("no symbol " + symbol);
    }
}
