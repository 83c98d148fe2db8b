package com.leadflow.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/** One JVM the launcher started: its output pump, its pid file, and how to stop it. */
public final class ChildProcess {

  private static final Path SETSID = Path.of("/usr/bin/setsid");
  private static final Path SH = Path.of("/bin/sh");
  private static final Path NICE = Path.of("/usr/bin/nice");

  private final String name;
  private final Path logFile;
  private final Path pidFile;
  private final Process process;
  private final LogPump pump;
  private final Thread pumpThread;
  private final boolean onConsole;
  private final String exitHint;

  private ChildProcess(Spec spec, Path pidFile, Process process, LogPump pump, Thread pumpThread) {
    this.name = spec.name();
    this.logFile = spec.logFile();
    this.onConsole = spec.console() != null;
    this.exitHint = spec.exitHint();
    this.pidFile = pidFile;
    this.process = process;
    this.pump = pump;
    this.pumpThread = pumpThread;
  }

  /**
   * What a child needs besides its command line. Null console: its output goes to the log file
   * only. The exit hint, if any, is shown when it dies while starting.
   */
  public record Spec(
      String name,
      List<String> command,
      Map<String, String> environment,
      Path workDir,
      Path logFile,
      Path runDir,
      Console console,
      LogPrefixer prefixer,
      Consumer<String> lineListener,
      String exitHint,
      int niceness) {

    /** A child at the machine's usual CPU weight. */
    public Spec(String name, List<String> command, Map<String, String> environment, Path workDir, Path logFile,
        Path runDir, Console console, LogPrefixer prefixer, Consumer<String> lineListener, String exitHint) {
      this(name, command, environment, workDir, logFile, runDir, console, prefixer, lineListener, exitHint, 0);
    }
  }

  public static ChildProcess start(Spec spec) {
    ProcessBuilder builder = new ProcessBuilder(ownSession(spec.command(), spec.niceness()))
        .directory(spec.workDir().toFile())
        .redirectErrorStream(true);
    builder.environment().putAll(spec.environment());
    try {
      Files.createDirectories(spec.logFile().getParent());
      Process process = builder.start();
      Path pidFile = Leftovers.record(spec.runDir(), spec.name(), process.pid());
      LogPump pump = new LogPump(process.getInputStream(), spec.logFile(), spec.console(),
          spec.prefixer(), spec.lineListener());
      Thread thread = new Thread(pump, "log-" + spec.name());
      // a stuck pipe must never keep the launcher alive after everything was stopped
      thread.setDaemon(true);
      thread.start();
      return new ChildProcess(spec, pidFile, process, pump, thread);
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + spec.name(), e);
    }
  }

  /**
   * Ctrl-C in a terminal signals the whole foreground process group. Children in a session of
   * their own are spared, so the launcher alone decides the order: services, registry, broker.
   * Without setsid (macOS) they still stop cleanly, just all at once.
   *
   * <p>A session of its own is also a scheduling group of its own where Linux groups sessions
   * ({@code /proc/sys/kernel/sched_autogroup_enabled}, on by default): on a full machine each child
   * then gets an equal share of the cores, whatever its threads, as each container does under
   * Docker's default CPU shares. A {@code niceness} above 0 lowers the child's weight in that share
   * (its session's {@code /proc/self/autogroup}, written before the JVM starts, and the process's own
   * nice value, for a kernel without session groups); raising it needs no privilege.
   */
  static List<String> ownSession(List<String> command, int niceness) {
    List<String> wrapped = new ArrayList<>();
    if (Files.isExecutable(SETSID)) {
      wrapped.add(SETSID.toString());
    }
    if (niceness > 0 && Files.isExecutable(SH) && Files.isExecutable(NICE)) {
      wrapped.addAll(List.of(SH.toString(), "-c",
          "if [ -w /proc/self/autogroup ]; then echo " + niceness + " > /proc/self/autogroup 2>/dev/null; fi; exec "
              + NICE + " -n " + niceness + " \"$@\"",
          "leadflow-child"));
    }
    if (wrapped.isEmpty()) {
      return command;
    }
    wrapped.addAll(command);
    return wrapped;
  }

  public String name() {
    return name;
  }

  public Path logFile() {
    return logFile;
  }

  public long pid() {
    return process.pid();
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  public CompletableFuture<ChildProcess> onExit() {
    return process.onExit().thenApply(p -> this);
  }

  public int exitCode() {
    return process.exitValue();
  }

  /** Whether its output already scrolled past on the console (then a failure need not repeat it). */
  public boolean onConsole() {
    return onConsole;
  }

  public String exitHint() {
    return exitHint;
  }

  public List<String> recentLines() {
    return pump.recentLines();
  }

  /**
   * Sends SIGTERM, so the JVM runs its shutdown hooks (graceful Spring Boot and Kafka shutdown).
   * Through the handle on purpose: Process.destroy() also closes our end of the pipe, and the
   * child's last words (how its shutdown went) would be lost.
   */
  public void requestStop() {
    process.toHandle().destroy();
  }

  /**
   * SIGKILL: no shutdown hooks, no goodbye, as when the machine or its container dies. Returns
   * once the process is gone.
   */
  public void kill() {
    process.toHandle().destroyForcibly();
    waitFor(Duration.ofSeconds(10));
    drainOutput();
    Leftovers.forget(pidFile);
  }

  /** Waits for the exit that {@link #requestStop()} asked for; kills the process if it takes too long. */
  public boolean awaitStop(Duration timeout) {
    boolean graceful = waitFor(timeout);
    if (!graceful) {
      process.toHandle().destroyForcibly();
      waitFor(Duration.ofSeconds(5));
    }
    drainOutput();
    Leftovers.forget(pidFile);
    return graceful;
  }

  private boolean waitFor(Duration timeout) {
    try {
      return process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /** Lets the last lines (often the reason for an exit) reach the log file before we report. */
  void drainOutput() {
    try {
      pumpThread.join(2_000);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
