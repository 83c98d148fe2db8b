package com.leadflow.test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/**
 * An embedded H2 file database removed before a test's context opens it, so every run starts from an
 * empty database as a clean clone does (a second local run would otherwise find the first one's leads:
 * a repeated contact becomes a possible duplicate of the earlier run's lead).
 */
public final class EmbeddedDatabaseFiles {

    private EmbeddedDatabaseFiles() {
    }

    /** Deletes {@code <folder>/<name>.mv.db} and the files H2 keeps beside it; call from a static {@code @BeforeAll}. */
    public static void deleteBeforeUse(String folder, String name) {
        Path dir = Path.of(folder);
        if (!Files.isDirectory(dir)) {
            return;
        }
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.getFileName().toString().startsWith(name + ".")).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not remove the embedded database " + name + " in " + folder, e);
        }
    }
}
