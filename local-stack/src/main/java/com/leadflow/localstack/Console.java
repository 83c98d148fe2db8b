package com.leadflow.localstack;

import java.io.PrintStream;
import java.util.List;

/**
 * The launcher's terminal. Every line goes out in one call under one lock, so lines from the
 * children's reader threads never interleave mid-line.
 */
public final class Console {

  /** Cyan, green, yellow, magenta, blue, bright cyan: one per child, in start order. */
  private static final List<String> PALETTE = List.of("36", "32", "33", "35", "34", "96");
  private static final String RED = "31;1";
  private static final String BOLD = "1";

  private final PrintStream out;
  private final boolean ansi;
  private final LogPrefixer stack;
  private final LogPrefixer stackError;
  private int nextColour;

  public Console(PrintStream out, boolean ansi) {
    this.out = out;
    this.ansi = ansi;
    this.stack = new LogPrefixer("stack", ansi ? BOLD : null);
    this.stackError = new LogPrefixer("stack", ansi ? RED : null);
  }

  /** Colours only on a terminal, and never when NO_COLOR is set (https://no-color.org). */
  public static Console system() {
    String term = System.getenv("TERM");
    boolean ansi = System.console() != null
        && System.getenv("NO_COLOR") == null
        && !"dumb".equals(term);
    return new Console(System.out, ansi);
  }

  public synchronized LogPrefixer prefixer(String label) {
    String colour = ansi ? PALETTE.get(nextColour++ % PALETTE.size()) : null;
    return new LogPrefixer(label, colour);
  }

  public void line(LogPrefixer prefixer, String line) {
    print(prefixer.apply(line));
  }

  public void info(String message) {
    for (String line : message.split("\n", -1)) {
      print(stack.apply(line));
    }
  }

  public void error(String message) {
    for (String line : message.split("\n", -1)) {
      print(stackError.apply(line));
    }
  }

  /** Lines without a label, for the summary block. */
  public void plain(List<String> lines) {
    synchronized (out) {
      lines.forEach(out::println);
      out.flush();
    }
  }

  private void print(String line) {
    synchronized (out) {
      out.println(line);
      out.flush();
    }
  }
}
