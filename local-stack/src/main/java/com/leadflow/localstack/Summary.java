package com.leadflow.localstack;

import java.util.ArrayList;
import java.util.List;

/** The block printed once everything is up: where to click, where to look. */
final class Summary {

  private Summary() {}

  static List<String> render(int kafkaPort, String registryBaseUrl, boolean servicesStarted,
      StackLayout layout, double seconds) {
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(String.format("leadflow is up after %.1f s", seconds));
    lines.add("");
    if (servicesStarted) {
      row(lines, "Public form", "http://localhost:8081/");
      row(lines, "Care manager view", "http://localhost:8081/care/");
      row(lines, "Clinician queue", "http://localhost:8082/clinician/");
      row(lines, "Insurance", "http://localhost:8083/");
      row(lines, "Matching", "http://localhost:8084/");
    }
    row(lines, "Schema registry", registryBaseUrl + "/apis/ccompat/v7/subjects");
    row(lines, "  native API", registryBaseUrl + "/apis/registry/v3");
    row(lines, "Kafka", "localhost:" + kafkaPort);
    if (servicesStarted) {
      lines.add("");
      for (ServiceSpec service : ServiceSpec.ALL) {
        row(lines, service.label() + " health", service.healthUrl());
        row(lines, service.label() + " metrics", service.metricsUrl());
      }
    } else {
      lines.add("");
      lines.add("  No services started (--no-services). To run one from the IDE, give it:");
      ServiceSpec.ALL.get(0)
          .environment("localhost:" + kafkaPort, registryBaseUrl + "/apis/registry/v3", layout.dataDir().toString())
          .forEach((key, value) -> {
            if (!"SERVER_PORT".equals(key)) {
              lines.add("    " + key + "=" + value);
            }
          });
    }
    lines.add("");
    row(lines, "Logs", layout.logsDir().toString());
    row(lines, "Data", layout.localDir().toString());
    lines.add("");
    lines.add("  Press Ctrl-C to stop everything.");
    lines.add("");
    return lines;
  }

  private static void row(List<String> lines, String what, String where) {
    lines.add(String.format("  %-20s %s", what, where));
  }
}
