package com.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SummaryTest {

  private final StackLayout layout = TestLayouts.inside(Path.of("/repo"));

  @Test
  void withServicesEveryPageHealthAndMetricsUrlIsListed() {
    String text = String.join("\n", Summary.render(LaunchOptions.defaults(), "http://localhost:8090", "http://localhost:8089", true, layout, 41.2));

    assertThat(text).contains(
        "leadflow is up after 41.2 s",
        "http://localhost:8081/\n",
        "http://localhost:8081/care/",
        "http://localhost:8082/clinician/",
        "http://localhost:8083/",
        "http://localhost:8084/coordinator/",
        "Ops console          http://localhost:8085/",
        "http://localhost:8086/local/mail",
        "localhost:28087",
        "http://localhost:8086/local/texts",
        "http://localhost:8090/apis/ccompat/v7/subjects",
        "localhost:9092",
        "/repo/.local/logs",
        "Ctrl-C");
    for (ServiceSpec service : ServiceSpec.ALL) {
      assertThat(text).contains(service.baseUrl() + "/actuator/health", service.baseUrl() + "/actuator/prometheus");
    }
  }

  @Test
  void withoutServicesItTellsHowToRunOneFromTheIde() {
    LaunchOptions options = LaunchOptions.parse("--no-services", "--kafka-port", "19092");
    String text = String.join("\n", Summary.render(options, "http://localhost:18090", "http://localhost:8089", false, layout, 9.0));

    assertThat(text)
        .doesNotContain("8081", "actuator")
        .contains("SPRING_KAFKA_BOOTSTRAP_SERVERS=localhost:19092",
            "LEADFLOW_KAFKA_REGISTRY_URL=http://localhost:18090/apis/registry/v3",
            "LEADFLOW_DATA_DIR=/repo/.local/data",
            "SPRING_PROFILES_ACTIVE=local");
  }

  @Test
  void onOtherPortsTheLinksFollowThem() {
    LaunchOptions options = LaunchOptions.parse("--service-port-base", "18081");
    String text = String.join("\n", Summary.render(options, "http://localhost:8090", "http://localhost:8089", true, layout, 30.0));

    assertThat(text).contains(
        "http://localhost:18081/care/",
        "http://localhost:18082/clinician/",
        "http://localhost:18084/actuator/health")
        .doesNotContain("localhost:8081", "localhost:8082");
  }

  @Test
  void onPostgresTheDataLineNamesTheDatabaseButNeverThePassword() {
    LaunchOptions options = LaunchOptions.parse("--postgres", "jdbc:postgresql://db:5432/leadflow",
        "--postgres-password", "s3cret", "--schema-prefix", "dev_");

    String withServices = String.join("\n", Summary.render(options, "http://localhost:8090", "http://localhost:8089", true, layout, 1.0));
    assertThat(withServices).contains("jdbc:postgresql://db:5432/leadflow as postgres, schemas dev_<service>")
        .doesNotContain("s3cret");

    String ideHint = String.join("\n", Summary.render(options.withNoServices(), "http://localhost:8090", "http://localhost:8089", false,
        layout, 1.0));
    assertThat(ideHint).contains("LEADFLOW_DATABASE_URL=jdbc:postgresql://db:5432/leadflow",
            "LEADFLOW_DATABASE_USERNAME=postgres", "LEADFLOW_DATABASE_PASSWORD=<as given>")
        .doesNotContain("s3cret", "LEADFLOW_DATABASE_SCHEMA");
  }
}
