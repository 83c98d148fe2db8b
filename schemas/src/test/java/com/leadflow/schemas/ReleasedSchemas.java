package com.leadflow.schemas;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.apache.avro.Schema;
import org.apache.avro.specific.SpecificData;
import org.apache.avro.specific.SpecificRecord;

/** The released versions of each event, kept as {@code released/<RecordName>/vN.avsc}. */
final class ReleasedSchemas {

    static final String EVENTS_PACKAGE = "com.leadflow.events";

    private static final Pattern VERSION_FILE = Pattern.compile("v([1-9][0-9]*)\\.avsc");

    record Version(String event, int number, Path file, Schema schema) {

        @Override
        public String toString() {
            return "released " + event + " v" + number;
        }
    }

    private ReleasedSchemas() {
    }

    /** Surefire sets the property; the fallback serves a test started from the module directory in an IDE. */
    static Path directory() {
        String configured = System.getProperty("leadflow.schemas.released");
        return Path.of(configured == null || configured.isBlank() ? "released" : configured);
    }

    /** Every released version by event name, oldest first. */
    static SortedMap<String, List<Version>> load() {
        Path directory = directory();
        if (!Files.isDirectory(directory)) {
            throw new IllegalStateException("no released schemas at " + directory.toAbsolutePath());
        }
        SortedMap<String, List<Version>> byEvent = new TreeMap<>();
        try (Stream<Path> entries = Files.list(directory)) {
            for (Path eventDirectory : entries.filter(Files::isDirectory).toList()) {
                byEvent.put(eventDirectory.getFileName().toString(), versions(eventDirectory));
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot read released schemas at " + directory.toAbsolutePath(), e);
        }
        return byEvent;
    }

    /** Fails rather than skips a stray file, so a misnamed release cannot silently escape the check. */
    private static List<Version> versions(Path eventDirectory) throws IOException {
        String event = eventDirectory.getFileName().toString();
        List<Version> versions = new ArrayList<>();
        try (Stream<Path> files = Files.list(eventDirectory)) {
            for (Path file : files.toList()) {
                Matcher name = VERSION_FILE.matcher(file.getFileName().toString());
                if (!name.matches()) {
                    throw new IllegalStateException(file + " is not named vN.avsc");
                }
                // A fresh parser per file: a released schema must stand alone, as a registry holds it.
                Schema schema = new Schema.Parser().parse(file.toFile());
                versions.add(new Version(event, Integer.parseInt(name.group(1)), file, schema));
            }
        }
        versions.sort(Comparator.comparingInt(Version::number));
        return versions;
    }

    static Class<? extends SpecificRecord> eventClass(String event) {
        try {
            return Class.forName(EVENTS_PACKAGE + "." + event).asSubclass(SpecificRecord.class);
        } catch (ClassNotFoundException e) {
            throw new IllegalStateException("released/" + event + " has no generated class " + EVENTS_PACKAGE + "."
                    + event + "; a released event cannot be renamed or dropped silently", e);
        }
    }

    static Schema currentSchema(String event) {
        return SpecificData.get().getSchema(eventClass(event));
    }
}
