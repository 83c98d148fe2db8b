package com.leadflow.localstack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One of the leadflow services (the four that work leads, the ops console and outreach), as the launcher runs it. */
public record ServiceSpec(String module, String label, int port) {

  private static final List<String> MODULES =
      List.of("intake-service", "review-service", "insurance-service", "matching-service", "ops-console",
          "outreach-service");

  public static final int COUNT = MODULES.size();

  /**
   * How much each service yields when the machine is full ({@link ChildProcess#ownSession}): intake,
   * the front door whose answer a visitor waits for, keeps the full weight, as do the broker, the
   * registry and the identity provider; the services that turn a lead into its stages yield some, and
   * outreach and the console, whose work can wait seconds, more. The services behind intake read
   * whole polls, so with less of the cores they take larger polls and do the same work for less CPU;
   * at equal weights intake's share capped it at about a third of a core and its submissions queued
   * from 150 leads/s (README, "What one machine carries", eleventh session).
   */
  private static final Map<String, Integer> NICENESS = Map.of("intake-service", 0, "review-service", 3,
      "insurance-service", 3, "matching-service", 3, "ops-console", 6, "outreach-service", 6);

  /** The services on their usual ports, 8081 to 8086. */
  public static final List<ServiceSpec> ALL = at(LaunchOptions.DEFAULT_SERVICE_PORT_BASE);

  /** The services on consecutive ports from {@code portBase}, in the order intake, review, insurance,
   * matching, console, outreach. */
  public static List<ServiceSpec> at(int portBase) {
    List<ServiceSpec> services = new ArrayList<>();
    for (int i = 0; i < COUNT; i++) {
      String module = MODULES.get(i);
      services.add(new ServiceSpec(module, label(module), portBase + i));
    }
    return List.copyOf(services);
  }

  /** The nice value the launcher starts this service at (0: the machine's usual weight). */
  public int niceness() {
    return NICENESS.getOrDefault(module, 0);
  }

  /** The service of that module among {@code services}. */
  public static ServiceSpec find(List<ServiceSpec> services, String module) {
    return services.stream().filter(service -> service.module().equals(module)).findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no " + module + " in the stack"));
  }

  /** Outreach's local mail server: SMTP here, IMAP on the port after it, 20000 from the service's own. */
  public int localSmtpPort() {
    return port + 20001 <= 65535 ? port + 20000 : port - 20000;
  }

  /** The name the platform gives the service's database schema by default: intake, review, ..., ops_console */
  public String shortName() {
    return shortName(module);
  }

  private static String shortName(String module) {
    return module.replace("-service", "").replace('-', '_');
  }

  private static String label(String module) {
    return module.equals("ops-console") ? "console" : shortName(module);
  }

  /** The same service listening on another port: a second instance. */
  public ServiceSpec onPort(int otherPort) {
    return new ServiceSpec(module, label, otherPort);
  }

  public String baseUrl() {
    return "http://localhost:" + port;
  }

  public String healthUrl() {
    return baseUrl() + "/actuator/health";
  }

  public String metricsUrl() {
    return baseUrl() + "/actuator/prometheus";
  }

  /**
   * Everything a service needs from the stack arrives as environment variables, which Spring
   * Boot maps onto its properties; the local profile selects the embedded H2 database.
   */
  public Map<String, String> environment(String bootstrapServers, String registryApiUrl, String dataDir) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("SERVER_PORT", Integer.toString(port));
    env.put("SPRING_KAFKA_BOOTSTRAP_SERVERS", bootstrapServers);
    env.put("LEADFLOW_KAFKA_REGISTRY_URL", registryApiUrl);
    env.put("LEADFLOW_DATA_DIR", dataDir);
    env.put("SPRING_PROFILES_ACTIVE", "local");
    return env;
  }

  /**
   * Boot answers 200 only when the aggregate is UP, but the body is checked too: a proxy or a
   * half-started server on the port must not pass for the service.
   */
  static boolean isUp(Http.Reply reply) {
    if (reply.status() != 200) {
      return false;
    }
    // the aggregate's own status, not a component's (Boot may list "groups" before it)
    String body = reply.body().replaceAll("\\s", "");
    int components = body.indexOf("\"components\":");
    return (components < 0 ? body : body.substring(0, components)).contains("\"status\":\"UP\"");
  }
}
