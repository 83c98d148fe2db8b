package com.leadflow.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LeftoversTest {

  @TempDir
  Path runDir;

  @Test
  void aLiveJavaProcessFromAPidFileIsNamedWithHowToStopIt() throws IOException {
    long self = ProcessHandle.current().pid();
    Leftovers.record(runDir, "kafka", self);

    assertThat(Leftovers.describe(runDir)).containsExactly(
        "kafka from an earlier local-stack run is still running as pid " + self + "; stop it with: kill " + self);
  }

  @Test
  void pidFilesOfExitedProcessesAreCleanedUp() throws Exception {
    Process finished = new ProcessBuilder(Java.executable(), "-version").start();
    finished.waitFor();
    Path pidFile = Leftovers.record(runDir, "registry", finished.pid());

    assertThat(Leftovers.describe(runDir)).isEmpty();
    assertThat(pidFile).doesNotExist();
  }

  @Test
  void garbageInAPidFileIsIgnored() throws IOException {
    Files.writeString(runDir.resolve("intake-service.pid"), "not a pid");

    assertThat(Leftovers.describe(runDir)).isEmpty();
  }

  @Test
  void noRunFolderMeansNoLeftovers() {
    assertThat(Leftovers.describe(runDir.resolve("missing"))).isEmpty();
  }
}
