package com.leadflow.localstack;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/** A lead's history as the care manager sees it at intake: every reported status, in the order it happened. */
record Timeline(UUID leadId, List<Entry> entries) {

  record Entry(String reporter, String stage, String status, String summary, Instant occurredAt) {}

  @SuppressWarnings("unchecked")
  static Timeline of(UUID leadId, Map<String, Object> leadView) {
    List<Map<String, Object>> rows = (List<Map<String, Object>>) leadView.get("timeline");
    return new Timeline(leadId, rows.stream()
        .map(row -> new Entry((String) row.get("reporter"), (String) row.get("stage"), (String) row.get("status"),
            (String) row.get("summary"), instant(row.get("occurredAt"))))
        .toList());
  }

  List<String> statuses() {
    return entries.stream().map(Entry::status).toList();
  }

  boolean hasAll(Collection<String> expected) {
    return statuses().containsAll(expected);
  }

  Entry entry(String status) {
    return entries.stream().filter(e -> e.status().equals(status)).findFirst()
        .orElseThrow(() -> new AssertionError("no " + status + " in " + this));
  }

  @Override
  public String toString() {
    return "timeline of lead " + leadId + ":" + entries.stream()
        .map(e -> "\n  " + e.occurredAt() + " " + e.stage() + " " + e.status() + " (" + e.summary() + ")")
        .collect(Collectors.joining());
  }

  private static Instant instant(Object value) {
    if (value instanceof Number seconds) {
      // written as a timestamp: seconds with a fraction
      double s = seconds.doubleValue();
      return Instant.ofEpochSecond((long) s, (long) ((s - Math.floor(s)) * 1e9));
    }
    return Instant.parse((String) value);
  }
}
