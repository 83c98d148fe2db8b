package com.leadflow.localstack;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** Versions stamped in at build time, so the launcher never disagrees with the poms. */
public record BuildInfo(String registryVersion, String kafkaVersion, String projectVersion) {

  private static final String RESOURCE = "/local-stack.properties";

  public static BuildInfo load() {
    Properties properties = new Properties();
    try (InputStream in = BuildInfo.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing: build local-stack with Maven");
      }
      properties.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new BuildInfo(
        required(properties, "apicurio.registry.version"),
        required(properties, "kafka.version"),
        required(properties, "project.version"));
  }

  private static String required(Properties properties, String key) {
    String value = properties.getProperty(key);
    if (value == null || value.isBlank() || value.startsWith("@")) {
      throw new IllegalStateException(key + " was not filled in at build time: rebuild local-stack with Maven");
    }
    return value.trim();
  }
}
