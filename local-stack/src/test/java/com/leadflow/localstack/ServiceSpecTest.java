package com.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceSpecTest {

  @Test
  void theServicesTheConsoleAndOutreachOnTheirPorts() {
    assertThat(ServiceSpec.ALL).extracting(ServiceSpec::module)
        .containsExactly("intake-service", "review-service", "insurance-service", "matching-service", "ops-console",
            "outreach-service");
    assertThat(ServiceSpec.ALL).extracting(ServiceSpec::port).containsExactly(8081, 8082, 8083, 8084, 8085, 8086);
    assertThat(ServiceSpec.ALL).extracting(ServiceSpec::label)
        .containsExactly("intake", "review", "insurance", "matching", "console", "outreach");
    assertThat(ServiceSpec.ALL.get(4).shortName()).isEqualTo("ops_console");
  }

  @Test
  void environmentCarriesTheStacksAddresses() {
    ServiceSpec review = ServiceSpec.ALL.get(1);

    assertThat(review.environment("localhost:9092", "http://localhost:8090/apis/registry/v3", "/repo/.local/data"))
        .containsExactly(
            entry("SERVER_PORT", "8082"),
            entry("SPRING_KAFKA_BOOTSTRAP_SERVERS", "localhost:9092"),
            entry("LEADFLOW_KAFKA_REGISTRY_URL", "http://localhost:8090/apis/registry/v3"),
            entry("LEADFLOW_DATA_DIR", "/repo/.local/data"),
            entry("SPRING_PROFILES_ACTIVE", "local"));
  }

  private static java.util.Map.Entry<String, String> entry(String key, String value) {
    return java.util.Map.entry(key, value);
  }

  @Test
  void serviceProcessPassesTheBrokerPortAndDataDirOn() {
    StackLayout layout = TestLayouts.inside(Path.of("/repo"));
    ServiceProcess intake = new ServiceProcess(ServiceSpec.ALL.get(0), layout, 19092, "http://localhost:18090/apis/registry/v3");

    assertThat(intake.jar()).isEqualTo(Path.of("/repo/intake-service/target/intake-service-0.1.0-SNAPSHOT.jar"));
  }

  @Test
  void healthIsUpOnlyWhenTheAggregateIs() {
    assertThat(ServiceSpec.isUp(new Http.Reply(200, "{\"status\":\"UP\",\"groups\":[\"liveness\"]}"))).isTrue();
    assertThat(ServiceSpec.isUp(new Http.Reply(200, "{ \"status\" : \"UP\" }"))).isTrue();
    assertThat(ServiceSpec.isUp(new Http.Reply(200, "{\"groups\":[\"liveness\",\"readiness\"],\"status\":\"UP\"}")))
        .isTrue();
    assertThat(ServiceSpec.isUp(new Http.Reply(503,
        "{\"status\":\"DOWN\",\"components\":{\"ping\":{\"status\":\"UP\"}}}"))).isFalse();
    assertThat(ServiceSpec.isUp(new Http.Reply(200,
        "{\"status\":\"OUT_OF_SERVICE\",\"components\":{\"ping\":{\"status\":\"UP\"}}}"))).isFalse();
    assertThat(ServiceSpec.isUp(new Http.Reply(-1, "java.net.ConnectException"))).isFalse();
  }

  @Test
  void servicesStartWithAHeapCapC1OnlyAndTheSerialCollectorUnlessToldOtherwise() {
    assertThat(ServiceProcess.javaOpts(null)).containsExactly("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    assertThat(ServiceProcess.javaOpts("  ")).containsExactly("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");
    assertThat(ServiceProcess.javaOpts(" -Xmx512m  -XX:+UseSerialGC ")).containsExactly("-Xmx512m", "-XX:+UseSerialGC");
  }

  @Test
  void theServicesFollowAPortBaseAndNameTheirSchemas() {
    assertThat(ServiceSpec.at(18081)).extracting(ServiceSpec::port)
        .containsExactly(18081, 18082, 18083, 18084, 18085, 18086);
    assertThat(ServiceSpec.at(18081)).extracting(ServiceSpec::shortName)
        .containsExactly("intake", "review", "insurance", "matching", "ops_console", "outreach");
    assertThat(ServiceSpec.at(18081).get(1).healthUrl()).isEqualTo("http://localhost:18082/actuator/health");
  }

  @Test
  void aSecondInstanceKeepsEverythingButItsPortAndLogName() {
    StackLayout layout = TestLayouts.inside(Path.of("/repo"));
    List<ServiceSpec> stack = ServiceSpec.at(18081);
    ServiceDatabase db = new ServiceDatabase("jdbc:postgresql://db/x", null, null, "t_");
    ServiceProcess first = new ServiceProcess("insurance-service", stack.get(2), layout,
        ServiceEnvironment.of(stack.get(2), stack, "localhost:19092", "http://r/apis/registry/v3", "/d", db),
        ServiceExtras.NONE);

    ServiceProcess second = first.anotherInstance("insurance-service-2", 18099);

    assertThat(second.name()).isEqualTo("insurance-service-2");
    assertThat(second.service().port()).isEqualTo(18099);
    assertThat(second.jar()).isEqualTo(first.jar());
    assertThat(second.environment()).containsEntry("SERVER_PORT", "18099")
        .containsEntry("LEADFLOW_DATABASE_SCHEMA", "t_insurance");
    assertThat(second.spec(new Console(System.out, false)).logFile())
        .isEqualTo(Path.of("/repo/.local/logs/insurance-service-2.log"));
  }

  @Test
  void extrasAddSettingsPerModuleReplaceTheJavaOptionsAndCanKeepTheConsoleQuiet() {
    StackLayout layout = TestLayouts.inside(Path.of("/repo"));
    ServiceSpec intake = ServiceSpec.ALL.get(0);
    ServiceExtras extras = new ServiceExtras(List.of("-Xmx200m", "-XX:TieredStopAtLevel=1"),
        Map.of("intake-service", Map.of("LEADFLOW_INTAKE_RATE_LIMIT_ENABLED", "false")), false);
    ServiceProcess process = new ServiceProcess("intake-service", intake, layout,
        ServiceEnvironment.of(intake, ServiceSpec.ALL, "localhost:9092", "http://r", "/d", null), extras);

    ChildProcess.Spec spec = process.spec(new Console(System.out, false));

    assertThat(spec.environment()).containsEntry("LEADFLOW_INTAKE_RATE_LIMIT_ENABLED", "false");
    assertThat(spec.command()).containsSequence("-Xmx200m", "-XX:TieredStopAtLevel=1", "-jar")
        .doesNotContain("-Xmx256m");
    assertThat(spec.console()).isNull();
    assertThat(spec.prefixer()).isNull();
  }
}
