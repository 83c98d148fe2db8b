package com.leadflow.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The block printed once everything is up: where to click, where to look. */
final class Summary {

  // each service has its own port and schema; the IDE run keeps the defaults of the one it starts (intake's
  // status links then start with its default address, as its port does)
  private static final Set<String> IDE_OWN = Set.of("SERVER_PORT", "LEADFLOW_DATABASE_SCHEMA",
      "LEADFLOW_INTAKE_STATUS_PUBLIC_URL");

  private Summary() {}

  static List<String> render(LaunchOptions options, String registryBaseUrl, String issuer, boolean servicesStarted,
      StackLayout layout, double seconds) {
    List<ServiceSpec> services = options.services();
    List<String> lines = new ArrayList<>();
    lines.add("");
    lines.add(String.format("leadflow is up after %.1f s", seconds));
    lines.add("");
    if (servicesStarted) {
      row(lines, "Public form", services.get(0).baseUrl() + "/");
      row(lines, "Care manager view", careManagerView(services));
      row(lines, "Clinician queue", clinicianQueue(services));
      row(lines, "Insurance", services.get(2).baseUrl() + "/");
      row(lines, "Ambassador program", services.get(3).baseUrl() + "/coordinator/ (as cora)");
      row(lines, "Ops console", opsConsole(services));
      ServiceSpec outreach = ServiceSpec.find(services, "outreach-service");
      row(lines, "Mail sent", outreach.baseUrl() + "/local/mail (as carla; each message opens as .eml)");
      row(lines, "  over IMAP", "localhost:" + (outreach.localSmtpPort() + 1) + " (login and password: the recipient's address)");
      row(lines, "Texts sent", outreach.baseUrl() + "/local/texts (simulated SMS gateway, as carla)");
    }
    row(lines, "Sign in (once)", issuer + "/   carla, drlee, drpatel, olive, cora, adam; password <user>-demo");
    row(lines, "Schema registry", registryBaseUrl + "/apis/ccompat/v7/subjects");
    row(lines, "  native API", registryBaseUrl + "/apis/registry/v3");
    row(lines, "Kafka", "localhost:" + options.kafkaPort());
    if (servicesStarted) {
      lines.add("");
      for (ServiceSpec service : services) {
        row(lines, service.label() + " health", service.healthUrl());
        row(lines, service.label() + " metrics", service.metricsUrl());
      }
    } else {
      lines.add("");
      lines.add("  No services started (--no-services). To run one from the IDE, give it:");
      ServiceEnvironment.of(services.get(0), services, "localhost:" + options.kafkaPort(),
              registryBaseUrl + "/apis/registry/v3", layout.dataDir().toString(), options.database(), issuer)
          .forEach((key, value) -> {
            if (!IDE_OWN.contains(key)) {
              String shown = key.endsWith("_PASSWORD") && !value.isEmpty() ? "<as given>"
                  // each service has a secret of its own at the identity provider
                  : key.equals("LEADFLOW_SECURITY_CLIENT_SECRET") ? IdentityProcess.clientSecret("<module>") : value;
              lines.add("    " + key + "=" + shown);
            }
          });
    }
    lines.add("");
    row(lines, "Logs", layout.logsDir().toString());
    row(lines, "Data", options.database() == null ? layout.localDir().toString()
        : layout.localDir() + " and " + options.database().describe());
    lines.add("");
    lines.add("  Press Ctrl-C to stop everything.");
    lines.add("");
    return lines;
  }

  static String careManagerView(List<ServiceSpec> services) {
    return services.get(0).baseUrl() + "/care/";
  }

  static String opsConsole(List<ServiceSpec> services) {
    return ServiceSpec.find(services, "ops-console").baseUrl() + "/";
  }

  static String clinicianQueue(List<ServiceSpec> services) {
    return services.get(1).baseUrl() + "/clinician/";
  }

  private static void row(List<String> lines, String what, String where) {
    lines.add(String.format("  %-20s %s", what, where));
  }
}
