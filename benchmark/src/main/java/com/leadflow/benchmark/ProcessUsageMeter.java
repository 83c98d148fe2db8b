package com.leadflow.benchmark;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * CPU time and resident memory of the stack's processes, read from Linux's /proc. PostgreSQL is a
 * family of processes (one per connection) that share their buffers, so its memory is the sum of
 * their proportional set sizes (PSS, shared pages split among sharers) where /proc lets us read
 * them, else of their resident sets. The JVMs' just-in-time compiler threads are also counted on their
 * own: in a run of a few minutes they are a large part of each service's CPU, a cost a long-running
 * service pays once, so a step's CPU per lead is reported with that part beside it.
 *
 * <p>It samples every second on a machine it shares with the stack, so it reads little: a
 * process's or thread's name once (then only its {@code stat}), and PostgreSQL's PSS at most every
 * {@link #PSS_EVERY_NANOS} (15 s). Reading {@code smaps_rollup} walks every page table of the process in the
 * kernel; for some forty PostgreSQL processes each second it took 3.5% of the 2-core machine's
 * samples ({@code perf record -a} during a 200 leads/s step), CPU the stack under test then lacked.
 */
final class ProcessUsageMeter {

  static final String POSTGRES = "postgres";
  static final String GENERATOR = "generator";
  // USER_HZ: the unit of utime/stime in /proc/<pid>/stat, 100 on every mainstream Linux
  private static final double TICKS_PER_SECOND = 100.0;
  private static final Path PROC = Path.of("/proc");
  /** How often PostgreSQL's proportional set size is read again; in between the last reading stands. */
  static final long PSS_EVERY_NANOS = 15_000_000_000L;

  /**
   * Cumulative CPU seconds and current memory of each named process (or family) at one moment.
   *
   * @param compilerSeconds cumulative CPU seconds of the named processes' JIT compiler threads (a part of
   *     their {@code cpuSeconds})
   */
  record Snapshot(long nanoTime, Map<String, Double> cpuSeconds, Map<String, Long> memoryBytes,
      double compilerSeconds) {

    Snapshot(long nanoTime, Map<String, Double> cpuSeconds, Map<String, Long> memoryBytes) {
      this(nanoTime, cpuSeconds, memoryBytes, 0);
    }
  }

  private final Supplier<Map<String, Long>> pids;
  /** Whether each pid seen in /proc is a PostgreSQL process, read from its name once. */
  private final Map<Long, Boolean> postgresByPid = new HashMap<>();
  /** Per watched JVM, whether each of its threads is a JIT compiler thread, read from its name once. */
  private final Map<Long, Map<Long, Boolean>> compilerByThread = new HashMap<>();
  private long postgresPssAt = Long.MIN_VALUE;
  private long postgresPss;

  /** @param pids the named processes to watch (read again each time: a restarted service has a new pid) */
  ProcessUsageMeter(Supplier<Map<String, Long>> pids) {
    this.pids = pids;
  }

  static boolean available() {
    return Files.isReadable(PROC.resolve("self").resolve("stat"));
  }

  /** Called from one thread (the benchmark's sampler). */
  Snapshot snapshot() {
    Map<String, Double> cpu = new LinkedHashMap<>();
    Map<String, Long> memory = new LinkedHashMap<>();
    double compiler = 0;
    Set<Long> watched = new HashSet<>();
    for (var entry : pids.get().entrySet()) {
      cpu.put(entry.getKey(), cpuSeconds(entry.getValue()));
      memory.put(entry.getKey(), residentBytes(entry.getValue()));
      compiler += compilerSeconds(entry.getValue());
      watched.add(entry.getValue());
    }
    compilerByThread.keySet().retainAll(watched);
    List<Long> postgres = postgresPids();
    cpu.put(POSTGRES, postgres.stream().mapToDouble(ProcessUsageMeter::cpuSeconds).sum());
    long now = System.nanoTime();
    if (postgresPssAt == Long.MIN_VALUE || now - postgresPssAt >= PSS_EVERY_NANOS) {
      postgresPss = postgres.stream().mapToLong(ProcessUsageMeter::proportionalBytes).sum();
      postgresPssAt = now;
    }
    memory.put(POSTGRES, postgresPss);
    long self = ProcessHandle.current().pid();
    cpu.put(GENERATOR, cpuSeconds(self));
    memory.put(GENERATOR, residentBytes(self));
    return new Snapshot(System.nanoTime(), cpu, memory, compiler);
  }

  /** Average cores used between two snapshots, and the largest memory seen in any snapshot between. */
  static Map<String, BenchmarkResult.ProcessUsage> between(Snapshot first, Snapshot last, List<Snapshot> all) {
    Map<String, BenchmarkResult.ProcessUsage> usage = new LinkedHashMap<>();
    double seconds = (last.nanoTime() - first.nanoTime()) / 1e9;
    for (String name : last.cpuSeconds().keySet()) {
      double cpu = last.cpuSeconds().get(name) - first.cpuSeconds().getOrDefault(name, 0.0);
      long memory = all.stream().filter(s -> s.nanoTime() >= first.nanoTime() && s.nanoTime() <= last.nanoTime())
          .mapToLong(s -> s.memoryBytes().getOrDefault(name, 0L)).max().orElse(0);
      usage.put(name, new BenchmarkResult.ProcessUsage(seconds <= 0 ? 0 : Math.max(0, cpu) / seconds, memory));
    }
    return usage;
  }

  /**
   * Milliseconds of CPU that every process but the generator spent between two snapshots, per
   * lead completed in that time; NaN when none was.
   */
  static double stackCpuMillisPerLead(Snapshot first, Snapshot last, long leads) {
    if (leads <= 0) {
      return Double.NaN;
    }
    double seconds = 0;
    for (var entry : last.cpuSeconds().entrySet()) {
      if (!entry.getKey().equals(GENERATOR)) {
        seconds += Math.max(0, entry.getValue() - first.cpuSeconds().getOrDefault(entry.getKey(), 0.0));
      }
    }
    return seconds * 1_000 / leads;
  }

  /** The part of {@link #stackCpuMillisPerLead} that the JVMs' JIT compiler threads spent; NaN when no lead completed. */
  static double compilerCpuMillisPerLead(Snapshot first, Snapshot last, long leads) {
    if (leads <= 0) {
      return Double.NaN;
    }
    return Math.max(0, last.compilerSeconds() - first.compilerSeconds()) * 1_000 / leads;
  }

  /**
   * CPU seconds of a JVM's JIT compiler threads so far: HotSpot names them {@code C1 CompilerThread<n>} and
   * {@code C2 CompilerThread<n>} (Linux keeps 15 characters of a thread's name). A thread that ended took
   * its time with it, so this may go down between two readings; the difference is then counted as 0.
   * A thread's name is read the first time it is listed (HotSpot names a thread before it runs).
   */
  double compilerSeconds(long pid) {
    Path tasks = PROC.resolve(Long.toString(pid)).resolve("task");
    Map<Long, Boolean> known = compilerByThread.computeIfAbsent(pid, p -> new HashMap<>());
    Set<Long> listed = new HashSet<>();
    double seconds = 0;
    try (Stream<Path> threads = Files.list(tasks)) {
      for (Path thread : (Iterable<Path>) threads::iterator) {
        long tid = Long.parseLong(thread.getFileName().toString());
        listed.add(tid);
        Boolean compilerThread = known.get(tid);
        if (compilerThread == null) {
          String comm = read(thread.resolve("comm"));
          if (comm == null) {
            continue;
          }
          compilerThread = isCompilerThread(comm);
          known.put(tid, compilerThread);
        }
        if (compilerThread) {
          String stat = read(thread.resolve("stat"));
          seconds += stat == null ? 0 : parseCpuTicks(stat) / TICKS_PER_SECOND;
        }
      }
    } catch (IOException | RuntimeException e) {
      // the process ended, or /proc hides its threads from us
      return seconds;
    }
    known.keySet().retainAll(listed);
    return seconds;
  }

  static boolean isCompilerThread(String comm) {
    return comm.startsWith("C1 CompilerThre") || comm.startsWith("C2 CompilerThre");
  }

  /** utime + stime, fields 14 and 15 of /proc/<pid>/stat (counted after the parenthesised name). */
  static double cpuSeconds(long pid) {
    String stat = read(PROC.resolve(Long.toString(pid)).resolve("stat"));
    return stat == null ? 0 : parseCpuTicks(stat) / TICKS_PER_SECOND;
  }

  static long parseCpuTicks(String stat) {
    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).trim().split("\\s+");
    // fields[0] is the state (field 3), so utime (14) and stime (15) are at 11 and 12
    return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
  }

  static long residentBytes(long pid) {
    return statusField(read(PROC.resolve(Long.toString(pid)).resolve("status")), "VmRSS:");
  }

  private static long proportionalBytes(long pid) {
    String rollup = read(PROC.resolve(Long.toString(pid)).resolve("smaps_rollup"));
    long pss = statusField(rollup, "Pss:");
    return pss > 0 ? pss : residentBytes(pid);
  }

  /** A "Name:   1234 kB" line of a /proc text file, in bytes; 0 when absent. */
  static long statusField(String text, String field) {
    if (text == null) {
      return 0;
    }
    for (String line : text.split("\n")) {
      if (line.startsWith(field)) {
        String[] parts = line.substring(field.length()).trim().split("\\s+");
        return Long.parseLong(parts[0]) * 1024;
      }
    }
    return 0;
  }

  /** The PostgreSQL processes running now; a process's name is read the first time its pid is listed. */
  private List<Long> postgresPids() {
    List<Long> found = new ArrayList<>();
    Set<Long> listed = new HashSet<>();
    try (Stream<Path> entries = Files.list(PROC)) {
      entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).forEach(p -> {
        long pid = Long.parseLong(p.getFileName().toString());
        listed.add(pid);
        Boolean postgres = postgresByPid.get(pid);
        if (postgres == null) {
          String comm = read(p.resolve("comm"));
          if (comm == null) {
            return;
          }
          postgres = comm.startsWith(POSTGRES);
          postgresByPid.put(pid, postgres);
        }
        if (postgres) {
          found.add(pid);
        }
      });
    } catch (IOException e) {
      return found;
    }
    // a pid that is gone may come back as another program
    postgresByPid.keySet().retainAll(listed);
    return found;
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException | RuntimeException e) {
      // the process ended between listing and reading, or /proc hides it from us
      return null;
    }
  }
}
