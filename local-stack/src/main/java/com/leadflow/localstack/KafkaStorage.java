package com.leadflow.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.Properties;
import java.util.UUID;

/**
 * The broker's data folder: formatted once for a cluster id that is kept next to it, and
 * checked on every later start so a folder from another cluster is reported, not half-used.
 */
final class KafkaStorage {

  private final Path clusterIdFile;
  private final Path dataDir;

  KafkaStorage(Path clusterIdFile, Path dataDir) {
    this.clusterIdFile = clusterIdFile;
    this.dataDir = dataDir;
  }

  /** What has to happen before the broker may start. */
  sealed interface Plan permits Ready, Format, Conflict {}

  record Ready(String clusterId) implements Plan {}

  record Format(String clusterId) implements Plan {}

  record Conflict(String formattedFor, String expected) implements Plan {}

  /** Decides, writing the cluster id file if there is none yet; never touches the data itself. */
  Plan plan() {
    Optional<String> stored = readStoredId();
    Optional<String> formatted = formattedClusterId();
    if (formatted.isPresent()) {
      if (stored.isEmpty()) {
        // the id file went missing but the data is intact: the data is what matters
        writeStoredId(formatted.get());
        return new Ready(formatted.get());
      }
      return stored.get().equals(formatted.get())
          ? new Ready(formatted.get())
          : new Conflict(formatted.get(), stored.get());
    }
    String id = stored.orElseGet(() -> {
      String fresh = newClusterId();
      writeStoredId(fresh);
      return fresh;
    });
    return new Format(id);
  }

  Optional<String> formattedClusterId() {
    Path meta = dataDir.resolve("meta.properties");
    if (!Files.isRegularFile(meta)) {
      return Optional.empty();
    }
    Properties properties = new Properties();
    try (InputStream in = Files.newInputStream(meta)) {
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Optional.ofNullable(properties.getProperty("cluster.id")).map(String::trim);
  }

  private Optional<String> readStoredId() {
    try {
      if (!Files.isRegularFile(clusterIdFile)) {
        return Optional.empty();
      }
      String id = Files.readString(clusterIdFile, StandardCharsets.UTF_8).trim();
      return id.isEmpty() ? Optional.empty() : Optional.of(id);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void writeStoredId(String id) {
    try {
      Files.createDirectories(clusterIdFile.getParent());
      Files.writeString(clusterIdFile, id + "\n", StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Kafka's own form of a random id: 16 random bytes in URL-safe base64 without padding. A
   * leading '-' is skipped because the command line would read it as an option.
   */
  static String newClusterId() {
    Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
    while (true) {
      UUID uuid = UUID.randomUUID();
      ByteBuffer bytes = ByteBuffer.allocate(16)
          .putLong(uuid.getMostSignificantBits())
          .putLong(uuid.getLeastSignificantBits());
      String id = encoder.encodeToString(bytes.array());
      if (!id.startsWith("-")) {
        return id;
      }
    }
  }
}
