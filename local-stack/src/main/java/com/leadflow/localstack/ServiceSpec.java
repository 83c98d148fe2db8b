package com.leadflow.localstack;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One of the four leadflow services, as the launcher runs it. */
public record ServiceSpec(String module, String label, int port) {

  public static final List<ServiceSpec> ALL = List.of(
      new ServiceSpec("intake-service", "intake", 8081),
      new ServiceSpec("review-service", "review", 8082),
      new ServiceSpec("insurance-service", "insurance", 8083),
      new ServiceSpec("matching-service", "matching", 8084));

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
