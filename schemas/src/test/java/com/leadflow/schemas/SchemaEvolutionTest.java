package com.leadflow.schemas;

import static org.assertj.core.api.Assertions.assertThat;

import com.leadflow.schemas.CompatibilityCheck.Problem;
import com.leadflow.schemas.ReleasedSchemas.Version;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SortedMap;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The build's guard that no schema change breaks data already on the topics or readers already deployed. */
class SchemaEvolutionTest {

    private static final SortedMap<String, List<Version>> RELEASED = ReleasedSchemas.load();

    static Stream<String> releasedEvents() {
        return RELEASED.keySet().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedEvents")
    void currentSchemaReadsDataWrittenWithEveryReleasedVersion(String event) {
        List<Problem> problems = CompatibilityCheck.backward(ReleasedSchemas.currentSchema(event), RELEASED.get(event));

        assertThat(problems).withFailMessage(() -> report(event, problems)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedEvents")
    void latestReleasedVersionReadsDataWrittenWithTheCurrentSchema(String event) {
        List<Problem> problems = CompatibilityCheck.forward(ReleasedSchemas.currentSchema(event), RELEASED.get(event));

        assertThat(problems).withFailMessage(() -> report(event, problems)).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("releasedEvents")
    void releasedVersionsAreNumberedFromOneAndHoldTheEventOfTheirFolder(String event) {
        List<Version> versions = RELEASED.get(event);

        assertThat(versions).extracting(Version::number)
                .containsExactlyElementsOf(IntStream.rangeClosed(1, versions.size()).boxed().toList());
        assertThat(versions).extracting(version -> version.schema().getFullName())
                .containsOnly(ReleasedSchemas.EVENTS_PACKAGE + "." + event);
    }

    @Test
    void everyCatalogEventHasAReleasedVersion() {
        assertThat(Topics.ALL).allSatisfy(topic -> assertThat(RELEASED.get(topic.valueType().getSimpleName()))
                .as("released/%s/v1.avsc for topic %s", topic.valueType().getSimpleName(), topic.name())
                .isNotEmpty());
    }

    /** Forward compatibility of an added symbol rests on the reader's enum default. */
    @Test
    void everyEnumCarriesADefaultSoAddingSymbolsStaysForwardCompatible() {
        List<String> withoutDefault = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        Topics.ALL.forEach(topic -> collectEnumsWithoutDefault(
                ReleasedSchemas.currentSchema(topic.valueType().getSimpleName()), seen, withoutDefault));

        assertThat(withoutDefault).isEmpty();
    }

    private static void collectEnumsWithoutDefault(Schema schema, Set<String> seen, List<String> into) {
        switch (schema.getType()) {
            case ENUM -> {
                if (seen.add(schema.getFullName()) && schema.getEnumDefault() == null) {
                    into.add(schema.getFullName());
                }
            }
            case RECORD -> {
                if (seen.add(schema.getFullName())) {
                    schema.getFields().forEach(field -> collectEnumsWithoutDefault(field.schema(), seen, into));
                }
            }
            case UNION -> schema.getTypes().forEach(branch -> collectEnumsWithoutDefault(branch, seen, into));
            case ARRAY -> collectEnumsWithoutDefault(schema.getElementType(), seen, into);
            case MAP -> collectEnumsWithoutDefault(schema.getValueType(), seen, into);
            default -> {
            }
        }
    }

    private static String report(String event, List<Problem> problems) {
        return problems.stream().map(Problem::toString).collect(Collectors.joining("\n  ",
                event + " is not compatible with its released versions:\n  ",
                "\nGive new fields a default, keep existing fields' types and enum symbols, remove only fields"
                        + " that have a default, or ship a new event type; see schemas/released/README.md."));
    }
}
