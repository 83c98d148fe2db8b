package com.leadflow.localstack;

/**
 * Puts a fixed-width label in front of each line of a child's output, so interleaved lines
 * from four services stay readable: {@code [intake   ] Started IntakeApplication in 4.1 s}.
 */
public final class LogPrefixer {

  /** Wide enough for the longest label, "insurance". */
  static final int WIDTH = 9;

  private static final String RESET = "\u001b[0m";

  private final String prefix;

  /** @param ansiColour an SGR code such as "36" for cyan, or null for plain text */
  public LogPrefixer(String label, String ansiColour) {
    String bracketed = "[" + fit(label) + "]";
    this.prefix = ansiColour == null ? bracketed + " " : "\u001b[" + ansiColour + "m" + bracketed + RESET + " ";
  }

  public String apply(String line) {
    return prefix + line;
  }

  static String fit(String label) {
    if (label.length() >= WIDTH) {
      return label.substring(0, WIDTH);
    }
    return label + " ".repeat(WIDTH - label.length());
  }
}
