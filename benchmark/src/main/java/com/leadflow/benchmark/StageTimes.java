package com.leadflow.benchmark;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.HdrHistogram.Histogram;

/**
 * When intake recorded each stage of each lead, read from its own timeline table: that is the
 * moment a care manager's view shows the stage, so it is where end-to-end latency ends.
 */
final class StageTimes implements AutoCloseable {

  /** The stages measured, by the name results use. */
  static final List<String> STAGES = List.of("review", "insurance", "match");

  /** The three stage times of one lead in epoch microseconds, 0 where not recorded yet. */
  record LeadStages(long review, long insurance, long match) {
    boolean complete() {
      return review > 0 && insurance > 0 && match > 0;
    }

    long of(String stage) {
      return switch (stage) {
        case "review" -> review;
        case "insurance" -> insurance;
        case "match" -> match;
        default -> throw new IllegalArgumentException(stage);
      };
    }
  }

  // review: its first report (queued, or waiting for imaging); insurance: the payer's answer, not
  // "verification started"; match: matching's first answer (proposed, wait-listed, not eligible)
  private static final String BY_LEAD = """
      select lead_id,
             min(case when stage = 'REVIEW' then recorded_at end),
             min(case when stage = 'INSURANCE' and status <> 'INSURANCE_VERIFICATION_STARTED' then recorded_at end),
             min(case when stage = 'MATCHING' then recorded_at end)
        from %s.timeline_entry
       where recorded_at >= ? and stage in ('REVIEW', 'INSURANCE', 'MATCHING')
       group by lead_id
      """;

  private static final String PER_SECOND = """
      select floor(extract(epoch from recorded_at)), count(*)
        from %s.timeline_entry
       where recorded_at >= ?
         and (stage in ('REVIEW', 'MATCHING') or (stage = 'INSURANCE' and status <> 'INSURANCE_VERIFICATION_STARTED'))
       group by 1
      """;

  private final Connection connection;
  private final String schema;

  StageTimes(String jdbcUrl, String user, String password, String intakeSchema) throws SQLException {
    this.connection = DriverManager.getConnection(jdbcUrl, user, password);
    this.schema = intakeSchema;
  }

  /** Every lead with a stage recorded since {@code from}. */
  Map<UUID, LeadStages> since(Instant from) throws SQLException {
    Map<UUID, LeadStages> stages = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement(BY_LEAD.formatted(schema))) {
      query.setTimestamp(1, Timestamp.from(from));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          stages.put(rows.getObject(1, UUID.class),
              new LeadStages(micros(rows.getTimestamp(2)), micros(rows.getTimestamp(3)), micros(rows.getTimestamp(4))));
        }
      }
    }
    return stages;
  }

  /** Stage results recorded per wall-clock second (epoch seconds) since {@code from}. */
  Map<Long, Long> perSecond(Instant from) throws SQLException {
    Map<Long, Long> counts = new HashMap<>();
    try (PreparedStatement query = connection.prepareStatement(PER_SECOND.formatted(schema))) {
      query.setTimestamp(1, Timestamp.from(from));
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          counts.put(rows.getLong(1), rows.getLong(2));
        }
      }
    }
    return counts;
  }

  /**
   * The end-to-end latency of each stage, from each accepted lead's due time to when intake
   * recorded the stage, for the leads that reached it.
   */
  static Map<String, Histogram> latencies(List<LoadGenerator.Accepted> accepted, Map<UUID, LeadStages> recorded) {
    Map<String, Histogram> histograms = new LinkedHashMap<>();
    STAGES.forEach(stage -> histograms.put(stage, LatencySummary.microsHistogram()));
    for (LoadGenerator.Accepted lead : accepted) {
      LeadStages stages = recorded.get(lead.leadId());
      if (stages == null) {
        continue;
      }
      for (String stage : STAGES) {
        long at = stages.of(stage);
        if (at > 0) {
          LatencySummary.record(histograms.get(stage), at - lead.dueEpochMicros());
        }
      }
    }
    return histograms;
  }

  static long complete(List<LoadGenerator.Accepted> accepted, Map<UUID, LeadStages> recorded) {
    return accepted.stream().map(a -> recorded.get(a.leadId())).filter(s -> s != null && s.complete()).count();
  }

  /** The latest stage time (epoch microseconds) of any of these leads, 0 when none has one. */
  static long lastStageAt(List<LoadGenerator.Accepted> accepted, Map<UUID, LeadStages> recorded) {
    long last = 0;
    for (LoadGenerator.Accepted lead : accepted) {
      LeadStages stages = recorded.get(lead.leadId());
      if (stages != null) {
        last = Math.max(last, Math.max(stages.review(), Math.max(stages.insurance(), stages.match())));
      }
    }
    return last;
  }

  private static long micros(Timestamp timestamp) {
    if (timestamp == null) {
      return 0;
    }
    Instant at = timestamp.toInstant();
    return at.getEpochSecond() * 1_000_000L + at.getNano() / 1_000;
  }

  @Override
  public void close() throws SQLException {
    connection.close();
  }
}
