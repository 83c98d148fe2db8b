package com.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.Yaml;

/**
 * No Docker engine runs here to try docker-compose.yml, so this test holds it against what the
 * services actually read: their names and ports, and every environment key, which must map
 * (by Spring Boot's relaxed binding) onto a setting found in the service's or the platform's
 * configuration files, a {@code @ConfigurationProperties} record, or a property the code looks up.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComposeFileTest {

  private static final Path REPO = Path.of("").toAbsolutePath().getParent();
  private static final Pattern PROPERTIES_PREFIX = Pattern.compile("@ConfigurationProperties\\(\"([^\"]+)\"\\)");
  private static final Pattern RECORD_HEADER = Pattern.compile("record\\s+\\w+\\s*\\(([^{]*?)\\)\\s*(?:implements[^{]*)?\\{",
      Pattern.DOTALL);
  private static final Pattern COMPONENT = Pattern.compile("([A-Za-z_]\\w*)\\s*(?:,|$)");
  private static final Pattern LOOKED_UP = Pattern.compile("(?:getProperty\\(\\s*\"|@Value\\(\"\\$\\{)([a-z0-9.\\-\\[\\]]+)");

  private Map<String, Object> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  void readCompose() throws IOException {
    try (Reader reader = Files.newBufferedReader(REPO.resolve("docker-compose.yml"))) {
      Map<String, Object> compose = new Yaml().load(reader);
      services = (Map<String, Object>) compose.get("services");
    }
  }

  @Test
  void everyServiceIsBuiltFromItsModuleAndListensWhereItsConfigurationSays() throws IOException {
    for (ServiceSpec spec : ServiceSpec.ALL) {
      Map<String, Object> service = service(spec.module());
      Map<String, Object> build = map(service.get("build"));
      assertThat(map(build.get("args")).get("SERVICE")).as("build arg of %s", spec.module()).isEqualTo(spec.module());
      assertThat(Files.isDirectory(REPO.resolve(spec.module()))).isTrue();

      int configured = serverPort(spec.module());
      assertThat(configured).as("server.port of %s", spec.module()).isEqualTo(spec.port());
      assertThat(String.valueOf(environment(service).get("SERVER_PORT"))).isEqualTo(String.valueOf(configured));
      assertThat((List<Object>) list(service.get("ports"))).contains(configured + ":" + configured);
      assertThat(String.join(" ", list(map(service.get("healthcheck")).get("test")).stream().map(String::valueOf).toList()))
          .contains("localhost:" + configured + "/actuator/health");
    }
  }

  @Test
  void everyEnvironmentKeyIsASettingTheServiceReads() throws IOException {
    for (ServiceSpec spec : ServiceSpec.ALL) {
      Set<String> known = settingsReadBy(spec.module());
      for (String key : environment(service(spec.module())).keySet()) {
        // an element of a list setting (LEADFLOW_OPS_SERVICES_0_URL) is known by the list's name
        String setting = key.replaceAll("_\\d+(_.*)?$", "");
        assertThat(known).as("%s sets %s, which %s never reads", "docker-compose.yml", key, spec.module())
            .contains(relaxed(setting));
      }
    }
  }

  @Test
  void everyServiceGetsTheBrokerTheRegistryAndItsDatabaseAndStartsAfterThemOnHealth() {
    Map<String, Object> kafka = service("kafka");
    Map<String, Object> registry = service("registry");
    assertThat(String.valueOf(environment(kafka).get("KAFKA_ADVERTISED_LISTENERS"))).contains("kafka:9092");
    assertThat(list(registry.get("ports"))).contains("8090:8080");
    for (ServiceSpec spec : ServiceSpec.ALL) {
      Map<String, Object> service = service(spec.module());
      Map<String, Object> env = environment(service);
      assertThat(env.get("SPRING_KAFKA_BOOTSTRAP_SERVERS")).isEqualTo("kafka:9092");
      assertThat(String.valueOf(env.get("LEADFLOW_KAFKA_REGISTRY_URL"))).startsWith("http://registry:8080/apis/registry/v3");
      assertThat(String.valueOf(env.get("LEADFLOW_DATABASE_URL"))).startsWith("jdbc:postgresql://postgres:5432/");
      Map<String, Object> dependsOn = map(service.get("depends_on"));
      for (String dependency : List.of("kafka", "registry", "postgres")) {
        assertThat(map(dependsOn.get(dependency)).get("condition")).as("%s waits for %s", spec.module(), dependency)
            .isEqualTo("service_healthy");
        assertThat(service(dependency)).containsKey("healthcheck");
      }
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void prometheusScrapesEveryServiceAndTheConsoleWithTheAlertRules() throws IOException {
    Map<String, Object> prometheus = service("prometheus");
    assertThat(list(prometheus.get("volumes"))).anyMatch(volume -> String.valueOf(volume).startsWith("./deploy/prometheus:"));
    Map<String, Object> config = loadYaml(REPO.resolve("deploy/prometheus/prometheus.yml"));
    assertThat(list(config.get("rule_files"))).contains("leadflow-alerts.yml");
    assertThat(REPO.resolve("deploy/prometheus/leadflow-alerts.yml")).isRegularFile();
    List<Object> targets = new java.util.ArrayList<>();
    for (Object job : list(config.get("scrape_configs"))) {
      assertThat(map(job).get("metrics_path")).isEqualTo("/actuator/prometheus");
      for (Object group : list(map(job).get("static_configs"))) {
        targets.addAll(list(map(group).get("targets")));
      }
    }
    for (ServiceSpec spec : ServiceSpec.ALL) {
      assertThat(targets).as("Prometheus targets").contains(spec.module() + ":" + spec.port());
    }
  }

  @Test
  void theBrokerHandsOnADeadInstancesPartitionsAsSoonAsTheLocalStacksDoes() {
    Map<String, Object> env = environment(service("kafka"));
    Map<String, String> local = KafkaServerProperties.of(9092, 9093, REPO.resolve(".local/kafka"));
    List<String> groupSettings = local.keySet().stream().filter(key -> key.startsWith("group.consumer.")).toList();

    assertThat(groupSettings).isNotEmpty();
    for (String key : groupSettings) {
      assertThat(String.valueOf(env.get("KAFKA_" + key.replace('.', '_').toUpperCase()))).as(key)
          .isEqualTo(local.get(key));
    }
  }

  /** Every setting name the service's own and the platform's code and configuration read, relaxed. */
  private static Set<String> settingsReadBy(String module) throws IOException {
    Set<String> known = new HashSet<>();
    // Spring Boot's own, which every service honours without naming it: the log line format
    known.add(relaxed("logging.structured.format.console"));
    for (Path root : List.of(REPO.resolve(module), REPO.resolve("platform"))) {
      Path resources = root.resolve("src/main/resources");
      if (Files.isDirectory(resources)) {
        try (Stream<Path> files = Files.walk(resources)) {
          for (Path file : files.filter(Files::isRegularFile).toList()) {
            String name = file.getFileName().toString();
            if (name.startsWith("application") && name.endsWith(".yml")) {
              flatten("", loadYaml(file), known);
            } else if (name.endsWith(".properties")) {
              Properties properties = new Properties();
              try (Reader reader = Files.newBufferedReader(file)) {
                properties.load(reader);
              }
              properties.stringPropertyNames().forEach(key -> known.add(relaxed(key)));
            }
          }
        }
      }
      try (Stream<Path> sources = Files.walk(root.resolve("src/main/java"))) {
        for (Path source : sources.filter(path -> path.toString().endsWith(".java")).toList()) {
          String code = Files.readString(source);
          Matcher lookup = LOOKED_UP.matcher(code);
          while (lookup.find()) {
            known.add(relaxed(lookup.group(1)));
          }
          Matcher prefix = PROPERTIES_PREFIX.matcher(code);
          Matcher header = RECORD_HEADER.matcher(code);
          if (prefix.find() && header.find()) {
            String components = header.group(1).replaceAll("@\\w+(\\([^)]*\\))?", "").replaceAll("<[^>]*>", "");
            Matcher component = COMPONENT.matcher(components);
            while (component.find()) {
              known.add(relaxed(prefix.group(1) + "." + component.group(1)));
            }
          }
        }
      }
    }
    return known;
  }

  @SuppressWarnings("unchecked")
  private static void flatten(String prefix, Object value, Set<String> into) {
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, child) -> flatten(prefix.isEmpty() ? String.valueOf(key) : prefix + "." + key, child, into));
    } else {
      into.add(relaxed(prefix));
    }
  }

  /** The form under which Spring Boot's relaxed binding matches names: no case, dots, dashes or underscores. */
  static String relaxed(String name) {
    return name.toLowerCase().replaceAll("[._\\-\\[\\]]", "");
  }

  private static int serverPort(String module) throws IOException {
    Map<String, Object> yaml = loadYaml(REPO.resolve(module).resolve("src/main/resources/application.yml"));
    return Integer.parseInt(String.valueOf(map(yaml.get("server")).get("port")));
  }

  private static Map<String, Object> loadYaml(Path file) throws IOException {
    try (Reader reader = Files.newBufferedReader(file)) {
      Map<String, Object> loaded = new Yaml().load(reader);
      return loaded == null ? Map.of() : loaded;
    }
  }

  private Map<String, Object> service(String name) {
    assertThat(services).as("services in docker-compose.yml").containsKey(name);
    return map(services.get(name));
  }

  private static Map<String, Object> environment(Map<String, Object> service) {
    return new LinkedHashMap<>(map(service.get("environment")));
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value == null ? Map.of() : (Map<String, Object>) value;
  }

  @SuppressWarnings("unchecked")
  private static List<Object> list(Object value) {
    return value == null ? List.of() : (List<Object>) value;
  }
}
