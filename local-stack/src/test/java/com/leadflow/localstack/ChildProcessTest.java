package com.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

  // what the child sees of its own scheduling: its session group's line, then its nice value (field 19 of stat)
  private static final List<String> REPORT = List.of("/bin/sh", "-c",
      "cat /proc/self/autogroup 2>/dev/null || echo no-autogroup; echo \"nice=$(cut -d' ' -f19 /proc/self/stat)\"");

  @TempDir
  Path dir;

  @Test
  void aYieldingChildRunsAtItsNiceValueInASessionGroupOfItsOwn() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux only");
    List<String> lines = run("yielding", 6);
    assertThat(lines).contains("nice=6");
    if (!lines.contains("no-autogroup")) {
      // its own group (setsid), weighted down, not the launcher's
      String ownGroup = Files.readString(Path.of("/proc/self/autogroup")).trim();
      assertThat(lines.get(0)).endsWith("nice 6").isNotEqualTo(ownGroup);
    }
  }

  @Test
  void aChildAtTheUsualWeightIsLeftAlone() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/self/stat")), "Linux only");
    assertThat(run("usual", 0)).contains("nice=0");
  }

  @Test
  void theLaunchersOwnGroupKeepsItsWeight() throws Exception {
    assumeTrue(Files.isReadable(Path.of("/proc/self/autogroup")), "a kernel with session groups");
    String before = Files.readString(Path.of("/proc/self/autogroup")).trim();
    run("yielding", 6);
    assertThat(Files.readString(Path.of("/proc/self/autogroup")).trim()).isEqualTo(before);
  }

  private List<String> run(String name, int niceness) throws Exception {
    Path log = dir.resolve(name + ".log");
    ChildProcess child = ChildProcess.start(new ChildProcess.Spec(name, REPORT, Map.of(), dir, log, dir.resolve("run"),
        null, null, null, null, niceness));
    child.onExit().get(30, TimeUnit.SECONDS);
    assertThat(child.exitCode()).isZero();
    return org.awaitility.Awaitility.await().atMost(java.time.Duration.ofSeconds(10))
        .until(() -> Files.exists(log) ? Files.readAllLines(log) : List.<String>of(), read -> read.size() >= 2);
  }
}
