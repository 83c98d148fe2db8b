package com.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class LogPrefixerTest {

  @Test
  void labelsArePaddedToOneWidth() {
    assertThat(new LogPrefixer("intake", null).apply("Started")).isEqualTo("[intake   ] Started");
    assertThat(new LogPrefixer("insurance", null).apply("Started")).isEqualTo("[insurance] Started");
  }

  @Test
  void longLabelsAreCut() {
    assertThat(new LogPrefixer("matching-service", null).apply("x")).isEqualTo("[matching-] x");
  }

  @Test
  void colourWrapsOnlyTheLabel() {
    assertThat(new LogPrefixer("review", "32").apply("up"))
        .isEqualTo("\u001b[32m[review   ]\u001b[0m up");
  }

  @Test
  void consoleWithoutColourPrintsPlainLabels() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Console console = new Console(new PrintStream(bytes, true, StandardCharsets.UTF_8), false);

    console.line(console.prefixer("intake"), "Started IntakeApplication");
    console.info("kafka ready\nsecond line");

    assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo(String.join(System.lineSeparator(),
        "[intake   ] Started IntakeApplication", "[stack    ] kafka ready", "[stack    ] second line", ""));
  }

  @Test
  void consoleWithColourGivesEachChildItsOwn() {
    Console console = new Console(new PrintStream(new ByteArrayOutputStream()), true);

    String first = console.prefixer("intake").apply("");
    String second = console.prefixer("review").apply("");

    assertThat(first).startsWith("\u001b[36m");
    assertThat(second).startsWith("\u001b[32m");
  }
}
