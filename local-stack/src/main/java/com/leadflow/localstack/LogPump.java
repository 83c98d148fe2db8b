package com.leadflow.localstack;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Copies a child's output, line by line, to its log file and optionally to the console, and
 * keeps the last lines in memory so a failed start can be explained without opening the file.
 */
final class LogPump implements Runnable {

  static final int REMEMBERED_LINES = 20;

  private final InputStream source;
  private final Path logFile;
  private final Console console;
  private final LogPrefixer prefixer;
  private final Consumer<String> listener;
  private final Deque<String> recent = new ArrayDeque<>();

  /**
   * @param console where to echo the lines, or null to keep them in the file only
   * @param listener sees every line (e.g. to spot "Kafka Server started"), or null
   */
  LogPump(InputStream source, Path logFile, Console console, LogPrefixer prefixer, Consumer<String> listener) {
    this.source = source;
    this.logFile = logFile;
    this.console = console;
    this.prefixer = prefixer;
    this.listener = listener;
  }

  @Override
  public void run() {
    try (BufferedReader reader = new BufferedReader(new InputStreamReader(source, StandardCharsets.UTF_8));
         Writer file = Files.newBufferedWriter(logFile, StandardCharsets.UTF_8,
             StandardOpenOption.CREATE, StandardOpenOption.APPEND)) {
      String line;
      while ((line = reader.readLine()) != null) {
        file.write(line);
        file.write(System.lineSeparator());
        // flushed per line so `tail -f` and a crash report always see the latest output
        file.flush();
        remember(line);
        if (console != null) {
          console.line(prefixer, line);
        }
        if (listener != null) {
          listener.accept(line);
        }
      }
    } catch (IOException e) {
      // the child closed its output (it exited); nothing more to copy
    }
  }

  private synchronized void remember(String line) {
    if (recent.size() == REMEMBERED_LINES) {
      recent.removeFirst();
    }
    recent.addLast(line);
  }

  synchronized List<String> recentLines() {
    return new ArrayList<>(recent);
  }
}
