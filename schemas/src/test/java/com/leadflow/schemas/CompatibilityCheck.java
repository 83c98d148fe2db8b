package com.leadflow.schemas;

import static org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType.MISSING_UNION_BRANCH;

import com.leadflow.schemas.ReleasedSchemas.Version;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.apache.avro.Schema;
import org.apache.avro.SchemaCompatibility;
import org.apache.avro.SchemaCompatibility.Incompatibility;
import org.apache.avro.SchemaCompatibility.SchemaIncompatibilityType;

/**
 * Avro's own reader/writer compatibility rules, applied to a current schema and its released
 * versions, with each problem named by its field path so a failing build says what to fix.
 */
final class CompatibilityCheck {

    /**
     * @param check which reader failed on which writer's data
     * @param field the field path in the reader, e.g. {@code LeadSubmitted.contact.email}
     * @param location Avro's JSON pointer into the reader schema
     */
    record Problem(String check, SchemaIncompatibilityType type, String field, String location, String message) {

        @Override
        public String toString() {
            return check + ": " + type + " at " + field + " (" + location + "): " + message;
        }
    }

    private record Pair(Schema reader, Schema writer) {
    }

    private CompatibilityCheck() {
    }

    /** Backward against every released version and forward against the latest one. */
    static List<Problem> check(Schema current, List<Version> released) {
        List<Problem> problems = new ArrayList<>(backward(current, released));
        problems.addAll(forward(current, released));
        return problems;
    }

    /** The current schema must read whatever any released version wrote: topics keep old records. */
    static List<Problem> backward(Schema current, List<Version> released) {
        List<Problem> problems = new ArrayList<>();
        for (Version version : released) {
            problems.addAll(problems("current schema cannot read data written with " + version, current, version.schema()));
        }
        return problems;
    }

    /**
     * Consumers upgrade after producers, so the latest release must read what the current schema
     * writes. Older releases are not held to it: by then their readers have been upgraded.
     */
    static List<Problem> forward(Schema current, List<Version> released) {
        if (released.isEmpty()) {
            return List.of();
        }
        Version latest = released.get(released.size() - 1);
        return problems(latest + " cannot read data written with the current schema", latest.schema(), current);
    }

    static List<Problem> problems(String check, Schema reader, Schema writer) {
        List<Problem> problems = new ArrayList<>();
        collect(check, new Pair(reader, writer), reader.getName(), "", new HashSet<>(), problems);
        return problems;
    }

    private static void collect(String check, Pair pair, String fieldPrefix, String locationPrefix, Set<Pair> visited,
            List<Problem> into) {
        visited.add(pair);
        for (Incompatibility found : SchemaCompatibility.checkReaderWriterCompatibility(pair.reader(), pair.writer())
                .getResult().getIncompatibilities()) {
            String field = fieldPrefix + fieldPath(pair.reader(), found.getLocation());
            String location = locationPrefix + found.getLocation();
            int before = into.size();
            // Avro stops at a nullable record and only says "reader union lacking writer type: RECORD";
            // the real cause is inside the record, so look there.
            sameNamedBranches(found)
                    .filter(branches -> !visited.contains(branches))
                    .ifPresent(branches -> collect(check, branches, field, location, visited, into));
            if (into.size() == before) {
                into.add(new Problem(check, found.getType(), field, location, found.getMessage()));
            }
        }
    }

    private static Optional<Pair> sameNamedBranches(Incompatibility found) {
        Schema reader = found.getReaderFragment();
        Schema writer = found.getWriterFragment();
        if (found.getType() != MISSING_UNION_BRANCH || reader.getType() != Schema.Type.UNION) {
            return Optional.empty();
        }
        String location = found.getLocation();
        Schema written = writer.getType() == Schema.Type.UNION
                ? writer.getTypes().get(Integer.parseInt(location.substring(location.lastIndexOf('/') + 1)))
                : writer;
        if (!isNamed(written)) {
            return Optional.empty();
        }
        return reader.getTypes().stream()
                .filter(branch -> isNamed(branch) && branch.getFullName().equals(written.getFullName()))
                .findFirst()
                .map(branch -> new Pair(branch, written));
    }

    private static boolean isNamed(Schema schema) {
        return switch (schema.getType()) {
            case RECORD, ENUM, FIXED -> true;
            default -> false;
        };
    }

    /** Only "fields", "items" and "values" step into the reader; other tokens name a part of the type. */
    private static String fieldPath(Schema reader, String location) {
        StringBuilder path = new StringBuilder();
        Schema at = reader;
        Iterator<String> tokens = Arrays.stream(location.split("/")).filter(token -> !token.isEmpty()).iterator();
        while (tokens.hasNext()) {
            switch (tokens.next()) {
                case "fields" -> {
                    Schema.Field field = at.getFields().get(Integer.parseInt(tokens.next()));
                    path.append('.').append(field.name());
                    at = field.schema();
                }
                case "items" -> {
                    path.append("[]");
                    at = at.getElementType();
                }
                case "values" -> {
                    path.append("{}");
                    at = at.getValueType();
                }
                default -> {
                }
            }
        }
        return path.toString();
    }
}
