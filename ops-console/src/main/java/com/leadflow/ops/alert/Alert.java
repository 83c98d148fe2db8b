package com.leadflow.ops.alert;

import java.time.Instant;
import java.util.List;

/**
 * One alert as the page shows it. The same rule, with the same threshold, is in
 * {@code deploy/prometheus/leadflow-alerts.yml} for Prometheus to fire.
 *
 * @param name the Prometheus alert's name
 * @param title what it means, in plain words
 * @param threshold the condition, in plain words
 * @param state {@code ok}, {@code pending} (true for less than the hold time) or {@code firing}
 * @param since when the condition became true, or null
 * @param subjects what it is true of (groups, topics, services)
 */
public record Alert(String name, String title, String threshold, String state, Instant since, List<String> subjects) {
}
