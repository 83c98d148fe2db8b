package com.leadflow.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class PacerTest {

  /** Time moves only when the pacer parks, or when the test says a send took long. */
  static final class FakeTicker implements Pacer.Ticker {
    long now;
    final List<Long> parks = new ArrayList<>();

    @Override
    public long nanoTime() {
      // every reading costs a little, as the real clock does, so a spin loop ends
      return now++;
    }

    @Override
    public void parkNanos(long nanos) {
      parks.add(nanos);
      now += nanos;
    }
  }

  @Test
  void waitsUntilTheDueTimeAndReportsHowLateItWokeUp() {
    FakeTicker ticker = new FakeTicker();
    Pacer pacer = new Pacer(ticker);

    long late = pacer.awaitDue(10_000_000);

    assertThat(ticker.now).isGreaterThanOrEqualTo(10_000_000);
    assertThat(ticker.parks).isNotEmpty();
    assertThat(late).isBetween(0L, 100L);
  }

  @Test
  void behindScheduleItSendsAtOnceWithoutSkippingOrMovingLaterDueTimes() {
    FakeTicker ticker = new FakeTicker();
    Pacer pacer = new Pacer(ticker);
    RateScheduleProbe schedule = new RateScheduleProbe(1_000_000);

    pacer.awaitDue(schedule.due(0));
    ticker.now += 5_500_000; // the first send stalled for 5.5 periods

    List<Long> lateness = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      lateness.add(pacer.awaitDue(schedule.due(i)));
    }

    // requests 1-5 were already due: sent at once, each late by what it waited
    assertThat(lateness.subList(0, 5)).allSatisfy(late -> assertThat(late).isPositive());
    assertThat(lateness.get(0)).isGreaterThan(lateness.get(4));
    // from request 6 on the schedule is met again: the stall did not shift it
    assertThat(lateness.subList(5, 8)).allSatisfy(late -> assertThat(late).isLessThan(100L));
    assertThat(ticker.now).isBetween(schedule.due(8), schedule.due(8) + 100);
  }

  private record RateScheduleProbe(long periodNanos) {
    long due(long i) {
      return i * periodNanos;
    }
  }
}
