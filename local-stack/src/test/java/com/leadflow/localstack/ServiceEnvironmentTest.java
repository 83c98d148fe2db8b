package com.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ServiceEnvironmentTest {

  private final List<ServiceSpec> stack = ServiceSpec.at(18081);

  @Test
  void onTheEmbeddedDatabaseNoDatabaseSettingIsPassed() {
    Map<String, String> env = ServiceEnvironment.of(stack.get(0), stack, "localhost:19092",
        "http://localhost:18090/apis/registry/v3", "/repo/.local/data", null);

    assertThat(env).containsEntry("SERVER_PORT", "18081")
        .containsEntry("LEADFLOW_DATA_DIR", "/repo/.local/data")
        .doesNotContainKeys("LEADFLOW_DATABASE_URL", "LEADFLOW_DATABASE_SCHEMA");
  }

  @Test
  void onPostgresEachServiceGetsTheDatabaseAndItsOwnSchema() {
    ServiceDatabase db = new ServiceDatabase("jdbc:postgresql://127.0.0.1:5432/test", "postgres", "pw", "e2e_ab_");

    for (ServiceSpec service : stack) {
      Map<String, String> env = ServiceEnvironment.of(service, stack, "localhost:19092", "http://r", "/d", db);

      assertThat(env).containsEntry("LEADFLOW_DATABASE_URL", "jdbc:postgresql://127.0.0.1:5432/test")
          .containsEntry("LEADFLOW_DATABASE_USERNAME", "postgres")
          .containsEntry("LEADFLOW_DATABASE_PASSWORD", "pw")
          .containsEntry("LEADFLOW_DATABASE_SCHEMA", "e2e_ab_" + service.shortName())
          .containsEntry("SERVER_PORT", Integer.toString(service.port()));
    }
  }

  @Test
  void reviewLinksCliniciansToImagingAtIntakeOnThisRunsPort() {
    assertThat(ServiceEnvironment.of(stack.get(1), stack, "k", "r", "d", null))
        .containsEntry("LEADFLOW_REVIEW_IMAGING_BASE_URL", "http://localhost:18081");
    assertThat(ServiceEnvironment.links(stack.get(0), stack)).isEmpty();
    assertThat(ServiceEnvironment.links(stack.get(2), stack)).isEmpty();
    assertThat(ServiceEnvironment.links(stack.get(3), stack)).isEmpty();
  }

  @Test
  void outreachLinksToItselfAndRunsItsMailServerBesideItsOwnPort() {
    assertThat(ServiceEnvironment.links(stack.get(4), stack)).containsExactly(
        Map.entry("LEADFLOW_OUTREACH_PRACTICE_PUBLIC_URL", "http://localhost:18086"),
        Map.entry("SPRING_MAIL_PORT", "38086"),
        Map.entry("LEADFLOW_OUTREACH_MAIL_LOCAL_SERVER_IMAP_PORT", "38087"));
  }
}
