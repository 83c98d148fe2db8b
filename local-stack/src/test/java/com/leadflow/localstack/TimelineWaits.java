package com.leadflow.localstack;

import com.leadflow.localstack.FunnelApi.Submitted;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionFactory;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Waiting for what the care manager would see at intake. A wait that ends without it fails with
 * the timeline so far and the tail of every service's log.
 */
final class TimelineWaits {

  /** A loaded two-core machine runs six JVMs here: generous, and still far below a stuck lead. */
  static final Duration FLOW = Duration.ofSeconds(90);
  /** How long a finished timeline must stay unchanged: a status arriving twice would show by then. */
  static final Duration SETTLED = Duration.ofSeconds(2);
  private static final Duration POLL = Duration.ofMillis(300);
  /** How many timelines {@link #manySettleWith} reads at once. */
  private static final int PARALLEL_READS = 4;
  private static final String[] LOGS = {
      "intake-service", "review-service", "insurance-service", "insurance-service-2", "matching-service"};

  private final FunnelApi api;
  private final FunnelStack stack;

  TimelineWaits(FunnelApi api, FunnelStack stack) {
    this.api = api;
    this.stack = stack;
  }

  /** Until the lead's timeline holds each of these statuses (and maybe others). */
  Timeline await(Submitted lead, String... statuses) {
    List<String> expected = List.of(statuses);
    return until(() -> api.timeline(lead.leadId()), timeline -> timeline.hasAll(expected), null,
        timeline -> "lead " + lead.leadId() + " never reported all of " + expected + "; " + timeline);
  }

  /** Until the timeline holds exactly these statuses, each once, and keeps them for {@link #SETTLED}. */
  Timeline settlesWith(Submitted lead, String... statuses) {
    return until(() -> api.timeline(lead.leadId()), timeline -> exactly(timeline, statuses), SETTLED,
        timeline -> "lead " + lead.leadId() + " did not settle with exactly " + List.of(statuses)
            + ", each once; " + timeline);
  }

  /** {@link #settlesWith} for several leads at once, so they settle side by side. */
  void allSettleWith(List<Submitted> leads, String... statuses) {
    until(() -> leads.stream().map(lead -> api.timeline(lead.leadId())).toList(),
        timelines -> timelines.stream().allMatch(timeline -> exactly(timeline, statuses)), SETTLED,
        timelines -> "not every lead settled with exactly " + List.of(statuses) + ", each once:"
            + (timelines == null ? " (no answer)" : timelines.stream().filter(t -> !exactly(t, statuses))
                .map(t -> "\n" + t).collect(Collectors.joining())));
  }

  /**
   * {@link #allSettleWith} for many leads: asks again only about those not complete yet, a few at a
   * time, and once all are, reads every timeline once more after {@link #SETTLED} and requires
   * exactly these statuses, each once.
   */
  void manySettleWith(List<Submitted> leads, Duration atMost, String... statuses) {
    List<String> expected = List.of(statuses);
    Set<Submitted> pending = ConcurrentHashMap.newKeySet();
    pending.addAll(leads);
    Map<Submitted, Timeline> last = new ConcurrentHashMap<>();
    ForkJoinPool readers = new ForkJoinPool(PARALLEL_READS);
    try {
      Awaitility.await().atMost(atMost).pollInterval(Duration.ofSeconds(1)).until(() -> {
        readers.submit(() -> List.copyOf(pending).parallelStream().forEach(lead -> {
          Timeline timeline = api.timeline(lead.leadId());
          last.put(lead, timeline);
          if (timeline.hasAll(expected)) {
            pending.remove(lead);
          }
        })).get();
        return pending.isEmpty();
      });
      Awaitility.await().pollDelay(SETTLED).until(() -> true);
      List<Timeline> wrong = readers.submit(() -> leads.parallelStream().map(lead -> api.timeline(lead.leadId()))
          .filter(timeline -> !exactly(timeline, statuses)).toList()).get();
      if (!wrong.isEmpty()) {
        throw new AssertionError(wrong.size() + " of " + leads.size() + " leads did not settle with exactly "
            + expected + ", each once; the first of them:" + wrong.stream().limit(5).map(t -> "\n" + t)
            .collect(Collectors.joining()));
      }
    } catch (ConditionTimeoutException e) {
      throw new AssertionError(pending.size() + " of " + leads.size() + " leads never reported all of " + expected
          + "; the first of them:" + pending.stream().limit(5).map(lead -> "\n" + last.get(lead))
          .collect(Collectors.joining()) + "\n" + stack.tails(LOGS), e);
    } catch (InterruptedException | ExecutionException e) {
      throw new AssertionError("reading the timelines failed: " + e, e);
    } finally {
      readers.shutdownNow();
    }
  }

  /** The lead's review as soon as the clinicians' queue lists it. */
  String openReviewId(Submitted lead) {
    Map<String, Object> item = until(() -> api.openReviewOf(lead.leadId()).orElse(null), found -> found != null, null,
        found -> "the review of lead " + lead.leadId() + " never showed in the clinicians' queue");
    return (String) item.get("reviewId");
  }

  /**
   * Outreach's messages (a confirmation, a note after each stage a visitor cares about) follow the
   * other stages as they happen; the scenarios that are about messages look for them by name.
   */
  private static boolean exactly(Timeline timeline, String... statuses) {
    List<String> expected = new ArrayList<>(List.of(statuses));
    List<String> actual = new ArrayList<>(timeline.entries().stream()
        .filter(entry -> !"MESSAGES".equals(entry.stage())).map(Timeline.Entry::status).toList());
    expected.sort(null);
    actual.sort(null);
    return actual.equals(expected);
  }

  private <T> T until(Callable<T> probe, Predicate<T> done, Duration steadyFor, Function<T, String> explain) {
    AtomicReference<T> last = new AtomicReference<>();
    ConditionFactory wait = Awaitility.await().atMost(FLOW).pollInterval(POLL);
    if (steadyFor != null) {
      wait = wait.during(steadyFor);
    }
    try {
      wait.until(() -> {
        T value = probe.call();
        last.set(value);
        return done.test(value);
      });
      return last.get();
    } catch (ConditionTimeoutException | AssertionError e) {
      throw new AssertionError(explain.apply(last.get()) + "\n" + stack.tails(LOGS), e);
    }
  }
}
