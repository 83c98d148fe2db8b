package com.leadflow.localstack;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/** The Apicurio schema registry: a Quarkus jar unpacked into .local/dist by the build. */
final class RegistryProcess {

  static final String NAME = "registry";
  private static final String RULE_JSON = "{\"config\":\"BACKWARD\"}";
  private static final String NEW_RULE_JSON = "{\"ruleType\":\"COMPATIBILITY\",\"config\":\"BACKWARD\"}";

  private final StackLayout layout;
  private final int port;

  RegistryProcess(StackLayout layout, int port) {
    this.layout = layout;
    this.port = port;
  }

  String baseUrl() {
    return "http://localhost:" + port;
  }

  /** What the services' serdes talk to (LEADFLOW_KAFKA_REGISTRY_URL). */
  String apiUrl() {
    return baseUrl() + "/apis/registry/v3";
  }

  ChildProcess.Spec spec() {
    List<String> command = List.of(
        Java.executable(),
        "-Xmx192m",
        "-Dquarkus.http.port=" + port,
        // its default is an in-memory database: after a restart the schema ids inside the
        // records kept in .local/kafka would point at nothing, or at a different schema
        "-Dapicurio.datasource.url=" + h2Url(),
        // it opens 20 connections to its H2 file at start and gives up on one after 5 s: on a busy machine
        // (a restart beside the running stack) that failed its start; a few connections, waited for longer
        "-Dapicurio.datasource.jdbc.initial-size=2", "-Dapicurio.datasource.jdbc.min-size=2",
        "-Dapicurio.datasource.jdbc.max-size=10", "-Dquarkus.datasource.h2.jdbc.acquisition-timeout=60S",
        "-jar", layout.registryRunnerJar().toString());
    return new ChildProcess.Spec(NAME, command, Map.of(), layout.registryDir(), layout.logFile(NAME),
        layout.runDir(), null, null, null, null);
  }

  String h2Url() {
    return "jdbc:h2:file:" + layout.registryDir().resolve("registry").toAbsolutePath();
  }

  void awaitReady(ChildProcess child, Waits.Watch watch) throws StartupFailure {
    watch.until(child, () -> Http.get(baseUrl() + "/health/ready").ok(), "ready", Duration.ofMillis(250));
  }

  /**
   * Makes the registry refuse a schema change that readers of older records could not follow.
   * Apicurio 3 has no global rule until one is created: update it if present, create it if not.
   */
  void requireBackwardCompatibility() throws StartupFailure {
    String ruleUrl = apiUrl() + "/admin/rules/COMPATIBILITY";
    Http.Reply existing = Http.get(ruleUrl);
    Http.Reply result = existing.status() == 404
        ? Http.post(apiUrl() + "/admin/rules", NEW_RULE_JSON)
        : Http.put(ruleUrl, RULE_JSON);
    if (result.status() == 404) {
      // the look-up did not answer in time on a busy machine, and there was no rule to update after all
      result = Http.post(apiUrl() + "/admin/rules", NEW_RULE_JSON);
    }
    if (!result.ok()) {
      throw new StartupFailure("could not set the registry's global compatibility rule to BACKWARD: HTTP "
          + result.status() + " " + result.body());
    }
  }
}
