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
  void everyServiceSignsStaffInAtThisRunsIdentityProviderWithASecretOfItsOwn() {
    for (ServiceSpec service : stack) {
      Map<String, String> env = ServiceEnvironment.of(service, stack, "k", "r", "d", null, "http://localhost:18089");

      assertThat(env).containsEntry("LEADFLOW_SECURITY_ISSUER_URI", "http://localhost:18089")
          .containsEntry("LEADFLOW_SECURITY_CLIENT_SECRET", service.module() + "-demo-secret")
          // the client id is the service's name, the platform's default; HTTP Basic stays off
          .doesNotContainKeys("LEADFLOW_SECURITY_CLIENT_ID", "LEADFLOW_SECURITY_DEMO_USERS_ENABLED");
    }
  }

  @Test
  void reviewLinksCliniciansToImagingAtIntakeOnThisRunsPort() {
    assertThat(ServiceEnvironment.of(stack.get(1), stack, "k", "r", "d", null))
        .containsEntry("LEADFLOW_REVIEW_IMAGING_BASE_URL", "http://localhost:18081");
    // intake relays the care page's message calls to outreach; its status links start with its own address
    assertThat(ServiceEnvironment.links(stack.get(0), stack)).containsExactly(
        java.util.Map.entry("LEADFLOW_INTAKE_OUTREACH_URL", "http://localhost:18086"),
        java.util.Map.entry("LEADFLOW_INTAKE_STATUS_PUBLIC_URL", "http://localhost:18081"));
    assertThat(ServiceEnvironment.links(stack.get(2), stack)).isEmpty();
    assertThat(ServiceEnvironment.links(stack.get(3), stack)).isEmpty();
  }

  @Test
  void theConsoleWatchesEveryOtherServiceAndLinksLeadsToIntakeOnThisRunsPorts() {
    Map<String, String> links = ServiceEnvironment.links(stack.get(4), stack);

    assertThat(links).containsEntry("LEADFLOW_OPS_SERVICES_0_NAME", "intake-service")
        .containsEntry("LEADFLOW_OPS_SERVICES_0_URL", "http://localhost:18081")
        .containsEntry("LEADFLOW_OPS_SERVICES_3_NAME", "matching-service")
        .containsEntry("LEADFLOW_OPS_SERVICES_3_URL", "http://localhost:18084")
        .containsEntry("LEADFLOW_OPS_CARE_MANAGER_URL", "http://localhost:18081/care/")
        .containsEntry("LEADFLOW_OPS_SERVICES_4_NAME", "outreach-service")
        .doesNotContainKey("LEADFLOW_OPS_SERVICES_5_NAME");
  }

  @Test
  void outreachLinksToItselfAsksIntakeForStatusLinksAndRunsItsMailServerBesideItsOwnPort() {
    assertThat(ServiceEnvironment.links(stack.get(5), stack)).containsExactly(
        Map.entry("LEADFLOW_OUTREACH_PRACTICE_PUBLIC_URL", "http://localhost:18086"),
        Map.entry("LEADFLOW_OUTREACH_INTAKE_URL", "http://localhost:18081"),
        Map.entry("SPRING_MAIL_PORT", "38086"),
        Map.entry("LEADFLOW_OUTREACH_MAIL_LOCAL_SERVER_IMAP_PORT", "38087"));
  }
}
