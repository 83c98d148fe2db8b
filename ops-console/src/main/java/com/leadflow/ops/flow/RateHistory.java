package com.leadflow.ops.flow;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * A topic's records in and out per second over the last hour (or whatever the history is),
 * kept by the console itself so the page has its sparklines without Prometheus. Bounded: points
 * older than the history fall off, so it holds at most history / sample interval points.
 */
final class RateHistory {

    private final Duration keep;
    private final Deque<RatePoint> points = new ArrayDeque<>();

    RateHistory(Duration keep) {
        this.keep = keep;
    }

    synchronized void add(RatePoint point) {
        points.addLast(point);
        Instant oldest = point.at().minus(keep);
        while (!points.isEmpty() && points.peekFirst().at().isBefore(oldest)) {
            points.removeFirst();
        }
    }

    synchronized List<RatePoint> points() {
        return List.copyOf(points);
    }

    /**
     * @param at when the rate was sampled
     * @param in records written per second since the sample before
     * @param out records consumed per second since the sample before, summed over the groups reading the topic
     */
    record RatePoint(Instant at, double in, double out) {
    }
}
