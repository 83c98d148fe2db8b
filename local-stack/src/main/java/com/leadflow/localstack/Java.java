package com.leadflow.localstack;

import java.nio.file.Path;

/** Children run on the same Java as the launcher: nothing else has to be installed or on PATH. */
final class Java {

  private Java() {}

  static String executable() {
    boolean windows = System.getProperty("os.name", "").toLowerCase().contains("win");
    return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
  }
}
