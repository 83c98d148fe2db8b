package com.leadflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class RateScheduleTest {

  @Test
  void sendsTheRateTimesTheLengthEvenlySpaced() {
    RateSchedule schedule = new RateSchedule(500, Duration.ofSeconds(60));

    assertThat(schedule.count()).isEqualTo(30_000);
    assertThat(schedule.dueOffsetNanos(0)).isZero();
    assertThat(schedule.dueOffsetNanos(1)).isEqualTo(2_000_000);
    assertThat(schedule.dueOffsetNanos(250)).isEqualTo(500_000_000);
  }

  @Test
  void dueTimesDoNotDriftOverALongStepEvenWhenThePeriodIsNotWholeNanoseconds() {
    // 1/3 s is not a whole number of nanoseconds; adding a rounded period up would drift
    RateSchedule schedule = new RateSchedule(3, Duration.ofHours(1));

    assertThat(schedule.dueOffsetNanos(3)).isEqualTo(1_000_000_000L);
    assertThat(schedule.dueOffsetNanos(3 * 3600)).isEqualTo(3_600_000_000_000L);
    assertThat(schedule.dueOffsetNanos(1)).isEqualTo(333_333_333L);
  }

  @Test
  void aFractionalLengthSendsWholeRequestsOnly() {
    assertThat(new RateSchedule(1000, Duration.ofMillis(2_500)).count()).isEqualTo(2_500);
    assertThat(new RateSchedule(3, Duration.ofMillis(500)).count()).isEqualTo(1);
  }

  @Test
  void refusesRatesAndLengthsThatCannotRun() {
    assertThatThrownBy(() -> new RateSchedule(0, Duration.ofSeconds(1))).hasMessageContaining("rate");
    assertThatThrownBy(() -> new RateSchedule(10, Duration.ZERO)).hasMessageContaining("length");
  }
}
