package com.leadflow.localstack;

import java.time.Duration;

/** Why the stack could not come up, worded for the person at the terminal. */
public final class StartupFailure extends Exception {

  public StartupFailure(String message) {
    super(message);
  }

  static StartupFailure exited(ChildProcess child) {
    child.drainOutput();
    StringBuilder text = new StringBuilder()
        .append(child.name()).append(" exited with code ").append(child.exitCode())
        .append(" while starting. Its log: ").append(child.logFile());
    if (!child.onConsole() && !child.recentLines().isEmpty()) {
      text.append("\nLast lines:");
      child.recentLines().forEach(line -> text.append("\n  ").append(line));
    }
    if (child.exitHint() != null) {
      text.append('\n').append(child.exitHint());
    }
    return new StartupFailure(text.toString());
  }

  static StartupFailure timedOut(ChildProcess child, Duration timeout, String waitingFor) {
    return new StartupFailure(child.name() + " was not " + waitingFor + " after "
        + timeout.toSeconds() + " s. Its log: " + child.logFile());
  }

  static StartupFailure stopping() {
    return new StartupFailure("stopped while starting");
  }
}
