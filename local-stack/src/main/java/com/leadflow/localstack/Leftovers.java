package com.leadflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pid files under .local/run. Children run in their own session, so if the launcher itself is
 * killed with SIGKILL they live on and hold their ports; the next start then names them.
 */
final class Leftovers {

  private static final String SUFFIX = ".pid";

  private Leftovers() {}

  static Path record(Path runDir, String name, long pid) throws IOException {
    Files.createDirectories(runDir);
    Path file = runDir.resolve(name + SUFFIX);
    Files.writeString(file, Long.toString(pid), StandardCharsets.UTF_8);
    return file;
  }

  static void forget(Path pidFile) {
    try {
      Files.deleteIfExists(pidFile);
    } catch (IOException e) {
      // a stale pid file only costs a wrong hint later; describe() re-checks liveness anyway
    }
  }

  /** One line per child of an earlier run that is still alive; stale pid files are removed. */
  static List<String> describe(Path runDir) {
    List<String> lines = new ArrayList<>();
    if (!Files.isDirectory(runDir)) {
      return lines;
    }
    try (DirectoryStream<Path> files = Files.newDirectoryStream(runDir, "*" + SUFFIX)) {
      for (Path file : files) {
        String name = file.getFileName().toString().replace(SUFFIX, "");
        Optional<ProcessHandle> alive = readPid(file).flatMap(ProcessHandle::of)
            .filter(ProcessHandle::isAlive)
            .filter(Leftovers::isJava);
        if (alive.isPresent()) {
          long pid = alive.get().pid();
          lines.add(name + " from an earlier local-stack run is still running as pid " + pid
              + "; stop it with: kill " + pid);
        } else {
          forget(file);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  /** Pids get reused; only a java process can be one of ours. */
  private static boolean isJava(ProcessHandle handle) {
    return handle.info().command().map(command -> command.contains("java")).orElse(true);
  }

  private static Optional<Long> readPid(Path file) {
    try {
      return Optional.of(Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }
}
