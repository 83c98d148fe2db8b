package db.migration.service;

import com.leadflow.platform.db.PostgresMigration;

/**
 * An attempt's row and its coverage lines are keyed by what identifies them, and each table keeps
 * one index instead of two. No query reads either table by its generated {@code id}: the HTTP view
 * and {@code giveUp} read a check's attempts and lines by check and attempt, in order
 * ({@code AttemptStore.forCheck}, {@code CoverageStore.forCheck}). So the primary key on {@code id}
 * (one more index entry and WAL record for each of the ~3 rows an attempt writes) goes, and V2's and
 * V3's indexes on (check_id, attempt[, line_no]) become unique primary keys: an attempt is recorded
 * once per number, which the check's guarded update ensures ({@code CheckStore.GuardedUpdate}) and
 * the key now checks too. The {@code id} columns stay, unused. PostgreSQL only: on H2 (the local run)
 * V2's and V3's keys and indexes stay and this does nothing.
 */
public class V4__Attempt_keys extends PostgresMigration {

    public V4__Attempt_keys() {
        super("alter table eligibility_attempt drop constraint eligibility_attempt_pkey",
                "alter table eligibility_attempt add constraint eligibility_attempt_pkey primary key (check_id, attempt)",
                "drop index eligibility_attempt_check",
                "alter table eligibility_coverage drop constraint eligibility_coverage_pkey",
                "alter table eligibility_coverage add constraint eligibility_coverage_pkey"
                        + " primary key (check_id, attempt, line_no)",
                "drop index eligibility_coverage_check");
    }
}
