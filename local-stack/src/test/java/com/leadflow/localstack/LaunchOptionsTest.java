package com.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

  @Test
  void noArgumentsMeansTheWholeStackOnTheDefaultPorts() {
    LaunchOptions options = LaunchOptions.parse();

    assertThat(options.reset()).isFalse();
    assertThat(options.noServices()).isFalse();
    assertThat(options.demo()).isFalse();
    assertThat(options.help()).isFalse();
    assertThat(options.kafkaPort()).isEqualTo(9092);
    assertThat(options.controllerPort()).isEqualTo(9093);
    assertThat(options.registryPort()).isEqualTo(8090);
    assertThat(options.identityPort()).isEqualTo(8089);
    assertThat(options.servicePortBase()).isEqualTo(8081);
    assertThat(options.services()).isEqualTo(ServiceSpec.ALL);
    assertThat(options.database()).isNull();
    assertThat(options.repoDir()).isNull();
  }

  @Test
  void flagsCanBeCombinedInAnyOrder() {
    LaunchOptions options = LaunchOptions.parse("--demo", "--no-services", "--reset");

    assertThat(options.reset()).isTrue();
    assertThat(options.noServices()).isTrue();
    assertThat(options.demo()).isTrue();
  }

  @Test
  void portsAcceptASeparateOrAnInlineValue() {
    LaunchOptions options = LaunchOptions.parse(
        "--kafka-port", "19092", "--controller-port=19093", "--registry-port", "18090");

    assertThat(options.kafkaPort()).isEqualTo(19092);
    assertThat(options.controllerPort()).isEqualTo(19093);
    assertThat(options.registryPort()).isEqualTo(18090);
  }

  @Test
  void repoAndHelp() {
    assertThat(LaunchOptions.parse("--repo", "/src/leadflow").repoDir()).isEqualTo(Path.of("/src/leadflow"));
    assertThat(LaunchOptions.parse("-h").help()).isTrue();
    assertThat(LaunchOptions.parse("--help").help()).isTrue();
  }

  @Test
  void unknownOptionIsNamed() {
    assertThatThrownBy(() -> LaunchOptions.parse("--rest"))
        .isInstanceOf(LaunchOptions.UsageException.class)
        .hasMessage("unknown option: --rest");
  }

  @Test
  void missingOrBadPortValuesAreRefused() {
    assertThatThrownBy(() -> LaunchOptions.parse("--kafka-port"))
        .hasMessage("--kafka-port needs a value");
    assertThatThrownBy(() -> LaunchOptions.parse("--kafka-port", "--reset"))
        .hasMessage("--kafka-port needs a value");
    assertThatThrownBy(() -> LaunchOptions.parse("--registry-port", "http"))
        .hasMessageContaining("between 1 and 65535, not 'http'");
    assertThatThrownBy(() -> LaunchOptions.parse("--registry-port=70000"))
        .hasMessageContaining("not '70000'");
  }

  @Test
  void aFlagTakesNoValue() {
    assertThatThrownBy(() -> LaunchOptions.parse("--reset=yes")).hasMessage("--reset takes no value");
  }

  @Test
  void portsMustNotCollide() {
    assertThatThrownBy(() -> LaunchOptions.parse("--registry-port", "9092"))
        .hasMessage("the broker, controller, registry and identity provider ports must differ");
  }

  @Test
  void theIdentityProviderMovesWithItsOptionAndKeepsClearOfTheOthers() {
    assertThat(LaunchOptions.parse("--identity-port", "18089").identityPort()).isEqualTo(18089);
    assertThatThrownBy(() -> LaunchOptions.parse("--identity-port", "8090"))
        .hasMessage("the broker, controller, registry and identity provider ports must differ");
    assertThatThrownBy(() -> LaunchOptions.parse("--identity-port", "8083"))
        .hasMessage("the service ports 8081-8086 must not include the broker, controller, registry or identity provider port (8083)");
  }

  @Test
  void servicesMoveTogetherWithTheirPortBase() {
    LaunchOptions options = LaunchOptions.parse("--service-port-base=18081");

    assertThat(options.servicePortBase()).isEqualTo(18081);
    assertThat(options.services()).extracting(ServiceSpec::port)
        .containsExactly(18081, 18082, 18083, 18084, 18085, 18086);
  }

  @Test
  void servicePortsMustFitAndLeaveTheInfrastructureAlone() {
    assertThatThrownBy(() -> LaunchOptions.parse("--service-port-base", "65533"))
        .hasMessage("--service-port-base leaves no room for 6 ports above 65533");
    assertThatThrownBy(() -> LaunchOptions.parse("--service-port-base", "8088"))
        .hasMessage("the service ports 8088-8093 must not include the broker, controller, registry or identity provider port (8090)");
    assertThat(LaunchOptions.parse("--no-services", "--service-port-base", "8088").servicePortBase())
        .isEqualTo(8088);
  }

  @Test
  void postgresGivesEachServiceItsSchemaWithDefaultsForUserPasswordAndPrefix() {
    ServiceDatabase db = LaunchOptions.parse("--postgres", "jdbc:postgresql://127.0.0.1:5432/test").database();

    assertThat(db.url()).isEqualTo("jdbc:postgresql://127.0.0.1:5432/test");
    assertThat(db.username()).isEqualTo("postgres");
    assertThat(db.password()).isEmpty();
    assertThat(ServiceSpec.ALL).extracting(db::schemaOf)
        .containsExactly("intake", "review", "insurance", "matching", "ops_console", "outreach");
  }

  @Test
  void postgresCredentialsAndSchemaPrefixInAnyOrder() {
    ServiceDatabase db = LaunchOptions.parse("--schema-prefix", "e2e_1a2b3c4d_", "--postgres-user=leadflow",
        "--postgres", "jdbc:postgresql://db:5432/leadflow", "--postgres-password", "").database();

    assertThat(db.username()).isEqualTo("leadflow");
    assertThat(db.password()).isEmpty();
    assertThat(db.schemaOf(ServiceSpec.ALL.get(2))).isEqualTo("e2e_1a2b3c4d_insurance");
  }

  @Test
  void databaseFlagsWithoutPostgresOrWithABadUrlOrPrefixAreRefused() {
    assertThatThrownBy(() -> LaunchOptions.parse("--postgres-user", "bob"))
        .hasMessage("--postgres-user only applies together with --postgres");
    assertThatThrownBy(() -> LaunchOptions.parse("--schema-prefix", "x_"))
        .hasMessage("--schema-prefix only applies together with --postgres");
    assertThatThrownBy(() -> LaunchOptions.parse("--postgres", "postgres://localhost/leadflow"))
        .hasMessageContaining("--postgres needs a JDBC URL like jdbc:postgresql://");
    assertThatThrownBy(() -> LaunchOptions.parse("--postgres", "jdbc:postgresql://db/x", "--schema-prefix", "Dev-"))
        .hasMessageContaining("--schema-prefix may hold up to 40 lower-case letters, digits and _");
    assertThatThrownBy(() -> LaunchOptions.parse("--postgres", "jdbc:postgresql://db/x", "--schema-prefix", "1x"))
        .hasMessageContaining("must not start with a digit");
  }
}
