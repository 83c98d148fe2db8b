package com.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class SummaryTest {

  private final StackLayout layout = TestLayouts.inside(Path.of("/repo"));

  @Test
  void withServicesEveryPageHealthAndMetricsUrlIsListed() {
    String text = String.join("\n", Summary.render(9092, "http://localhost:8090", true, layout, 41.2));

    assertThat(text).contains(
        "leadflow is up after 41.2 s",
        "http://localhost:8081/\n",
        "http://localhost:8081/care/",
        "http://localhost:8082/clinician/",
        "http://localhost:8083/",
        "http://localhost:8084/",
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
    String text = String.join("\n", Summary.render(19092, "http://localhost:18090", false, layout, 9.0));

    assertThat(text)
        .doesNotContain("8081", "actuator")
        .contains("SPRING_KAFKA_BOOTSTRAP_SERVERS=localhost:19092",
            "LEADFLOW_KAFKA_REGISTRY_URL=http://localhost:18090/apis/registry/v3",
            "LEADFLOW_DATA_DIR=/repo/.local/data",
            "SPRING_PROFILES_ACTIVE=local");
  }
}
