package com.leadflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProcessUsageMeterTest {

  @Test
  void cpuTicksAreUserPlusSystemTimeEvenWhenTheCommandNameHasSpacesAndParentheses() {
    String stat = "4242 (java (main) x) S 1 4242 4242 0 -1 4194304 51234 0 12 0 1500 250 0 0 20 0 40 0 1234 "
        + "3000000000 70000 18446744073709551615 1 1 0 0 0 0 0 4096 16796879 0 0 0 17 1 0 0 0 0 0";

    assertThat(ProcessUsageMeter.parseCpuTicks(stat)).isEqualTo(1_750);
  }

  @Test
  void memoryFieldsAreReadInBytes() {
    String status = "Name:\tjava\nVmPeak:\t 3000000 kB\nVmRSS:\t  271234 kB\nThreads:\t40\n";

    assertThat(ProcessUsageMeter.statusField(status, "VmRSS:")).isEqualTo(271_234L * 1024);
    assertThat(ProcessUsageMeter.statusField(status, "Pss:")).isZero();
    assertThat(ProcessUsageMeter.statusField(null, "VmRSS:")).isZero();
  }

  @Test
  void usageBetweenSnapshotsIsAverageCoresAndLargestMemory() {
    ProcessUsageMeter.Snapshot first = new ProcessUsageMeter.Snapshot(0, Map.of("intake-service", 10.0),
        Map.of("intake-service", 200L));
    ProcessUsageMeter.Snapshot middle = new ProcessUsageMeter.Snapshot(5_000_000_000L, Map.of("intake-service", 15.0),
        Map.of("intake-service", 450L));
    ProcessUsageMeter.Snapshot last = new ProcessUsageMeter.Snapshot(10_000_000_000L, Map.of("intake-service", 22.0),
        Map.of("intake-service", 300L));
    ProcessUsageMeter.Snapshot later = new ProcessUsageMeter.Snapshot(20_000_000_000L, Map.of("intake-service", 30.0),
        Map.of("intake-service", 999L));

    var usage = ProcessUsageMeter.between(first, last, List.of(first, middle, last, later));

    assertThat(usage.get("intake-service").cpuCores()).isCloseTo(1.2, within(1e-9));
    assertThat(usage.get("intake-service").rssMaxBytes()).isEqualTo(450);
  }

  @Test
  void theJitCompilersShareOfCpuPerLeadComesFromTheirThreadsAlone() {
    ProcessUsageMeter.Snapshot first = new ProcessUsageMeter.Snapshot(0, Map.of("intake-service", 10.0),
        Map.of("intake-service", 200L), 4.0);
    ProcessUsageMeter.Snapshot last = new ProcessUsageMeter.Snapshot(10_000_000_000L, Map.of("intake-service", 22.0),
        Map.of("intake-service", 300L), 7.0);

    assertThat(ProcessUsageMeter.stackCpuMillisPerLead(first, last, 100)).isCloseTo(120.0, within(1e-9));
    assertThat(ProcessUsageMeter.compilerCpuMillisPerLead(first, last, 100)).isCloseTo(30.0, within(1e-9));
    assertThat(ProcessUsageMeter.compilerCpuMillisPerLead(first, last, 0)).isNaN();
  }

  @Test
  void hotSpotsCompilerThreadsAreToldApartByTheirTruncatedNames() {
    assertThat(ProcessUsageMeter.isCompilerThread("C2 CompilerThre\n")).isTrue();
    assertThat(ProcessUsageMeter.isCompilerThread("C1 CompilerThre\n")).isTrue();
    assertThat(ProcessUsageMeter.isCompilerThread("reactor-tcp-epo\n")).isFalse();
    assertThat(ProcessUsageMeter.isCompilerThread("VM Thread\n")).isFalse();
  }

  @Test
  void thisProcessCanBeMeasuredOnLinux() {
    assumeTrue(ProcessUsageMeter.available(), "no /proc here");
    long self = ProcessHandle.current().pid();

    assertThat(ProcessUsageMeter.cpuSeconds(self)).isPositive();
    assertThat(ProcessUsageMeter.residentBytes(self)).isGreaterThan(10L * 1024 * 1024);
    // a test JVM compiles the test framework's code within its first second
    ProcessUsageMeter meter = new ProcessUsageMeter(() -> Map.of("self", self));
    assertThat(meter.compilerSeconds(self)).isPositive()
        .isLessThanOrEqualTo(ProcessUsageMeter.cpuSeconds(self));
  }

  @Test
  void namesReadOnceStillFindTheCompilerThreadsAndPostgresEverySnapshot() {
    assumeTrue(ProcessUsageMeter.available(), "no /proc here");
    long self = ProcessHandle.current().pid();
    ProcessUsageMeter meter = new ProcessUsageMeter(() -> Map.of("self", self));

    ProcessUsageMeter.Snapshot first = meter.snapshot();
    ProcessUsageMeter.Snapshot second = meter.snapshot();
    // a meter reading every name afresh sees the same threads and processes
    ProcessUsageMeter.Snapshot fresh = new ProcessUsageMeter(() -> Map.of("self", self)).snapshot();

    assertThat(first.compilerSeconds()).isPositive();
    assertThat(second.compilerSeconds()).isGreaterThanOrEqualTo(first.compilerSeconds())
        .isCloseTo(fresh.compilerSeconds(), within(0.2));
    assertThat(second.cpuSeconds().get(ProcessUsageMeter.POSTGRES))
        .isCloseTo(fresh.cpuSeconds().get(ProcessUsageMeter.POSTGRES), within(0.2));
    // PostgreSQL's memory is read again only every 15 s; the second snapshot carries the first reading
    assertThat(second.memoryBytes().get(ProcessUsageMeter.POSTGRES))
        .isEqualTo(first.memoryBytes().get(ProcessUsageMeter.POSTGRES));
  }
}
