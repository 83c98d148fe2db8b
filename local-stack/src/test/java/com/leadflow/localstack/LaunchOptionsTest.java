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
        .hasMessage("the broker, controller and registry ports must differ");
  }
}
