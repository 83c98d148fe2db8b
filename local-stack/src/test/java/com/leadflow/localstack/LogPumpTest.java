package com.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LogPumpTest {

  @TempDir
  Path dir;

  private static ByteArrayInputStream output(String text) {
    return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void linesGoToTheFileTheConsoleAndTheListener() throws IOException {
    Path log = dir.resolve("intake-service.log");
    ByteArrayOutputStream screen = new ByteArrayOutputStream();
    Console console = new Console(new PrintStream(screen, true, StandardCharsets.UTF_8), false);
    List<String> seen = new ArrayList<>();

    new LogPump(output("one\ntwo\n"), log, console, console.prefixer("intake"), seen::add).run();

    assertThat(Files.readAllLines(log)).containsExactly("one", "two");
    assertThat(screen.toString(StandardCharsets.UTF_8)).contains("[intake   ] one", "[intake   ] two");
    assertThat(seen).containsExactly("one", "two");
  }

  @Test
  void withoutAConsoleTheOutputStaysInTheFile() throws IOException {
    Path log = dir.resolve("kafka.log");

    LogPump pump = new LogPump(output("[INFO] started\n"), log, null, null, null);
    pump.run();

    assertThat(Files.readAllLines(log)).containsExactly("[INFO] started");
    assertThat(pump.recentLines()).containsExactly("[INFO] started");
  }

  @Test
  void theFileIsAppendedTo() throws IOException {
    Path log = dir.resolve("kafka.log");
    Files.writeString(log, "formatted\n");

    new LogPump(output("started\n"), log, null, null, null).run();

    assertThat(Files.readAllLines(log)).containsExactly("formatted", "started");
  }

  @Test
  void onlyTheLastLinesAreRemembered() {
    String many = IntStream.rangeClosed(1, 50).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));

    LogPump pump = new LogPump(output(many), dir.resolve("x.log"), null, null, null);
    pump.run();

    assertThat(pump.recentLines()).hasSize(LogPump.REMEMBERED_LINES).startsWith("line 31").endsWith("line 50");
  }
}
