package com.leadflow.platform.outbox;

import com.leadflow.platform.outbox.OutboxRelay.OutboxRow;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * A relay's claim on PostgreSQL: one statement that deletes the oldest waiting rows and returns them,
 * its index scan starting at a <em>floor</em> instead of the lowest id.
 *
 * <p>Why a floor: a deleted row's primary-key entry (and its heap tuple) stays until a vacuum, and
 * while any snapshot in the database may still see the row, a scan cannot mark the entry dead and
 * visits its heap tuple every time. A claim that starts at the lowest id walks every row deleted
 * since the last vacuum: 2.5 ms a claim for two rows on intake's outbox at 50 leads/s, the largest
 * item of PostgreSQL's time in the benchmark. From the floor it walks only the rows claimed since the
 * floor last moved, a claim or two ago.
 *
 * <p>What the floor means: no row with a lower id exists in the table or can still be committed. The
 * table's ids come from its identity sequence before the writer commits, so a lower id may commit
 * after a higher one was claimed; the floor moves only past ids whose writers are known to have
 * ended. PostgreSQL's {@code nextval} takes a {@code RowExclusiveLock} on the sequence before it
 * hands out a value and keeps it until its transaction ends (after the commit became visible).
 * So before a claim (at most every 100 ms) this reads the sequence's last value L and then which transactions hold
 * that lock (W): a transaction holding an id up to L had that lock before L was read, so it has
 * either ended by the time W is read, its row now committed (and visible to the claim's snapshot,
 * taken later) or rolled back, or it is in W. When W is empty, every id up to L is settled; when it
 * is not, that (L, W) waits until a later read finds none of W's transactions holding the lock.
 * After a claim commits that took every row it saw from the floor up to a settled L (it came back
 * short of a full batch, or its last id is past L), the floor moves to L + 1; up to its last id
 * + 1 for a full batch that ended before L. A claim that rolls back leaves the floor where it was, so
 * its rows, back in the table, are taken again. A second relay waits for the rows this one holds
 * (the claim locks them, as before) and keeps a floor of its own by the same rule; a restarted
 * relay starts from the lowest id.
 *
 * <p>It needs every id to come from the sequence, one value at a time (its cache 1, as the
 * migrations create it: with a cache a backend takes values ahead and may hand one out later, in a
 * transaction that was not holding the lock when L was read). Should the sequence be missing or cached, the claim starts at the lowest id, as
 * it did before.
 */
final class OutboxClaim {

    private static final String CLAIM = """
            delete from outbox_event where id = any (array(
                select id from outbox_event where id >= ? order by id limit ? for update))
            returning""" + OutboxRelay.COLUMNS;

    private static final String SEQUENCE = """
            select s.seqrelid::regclass::text, s.seqcache from pg_sequence s
            where s.seqrelid = pg_get_serial_sequence('outbox_event', 'id')::regclass""";

    /**
     * The last value, then the transactions holding what {@code nextval} takes: the subquery names the
     * outer row's value, so PostgreSQL reads the sequence first.
     */
    private static final String WRITERS = """
            select s.last_value, s.is_called, array(
                select l.virtualtransaction from pg_locks l
                where l.locktype = 'relation' and l.relation = '%1$s'::regclass and l.mode = 'RowExclusiveLock'
                  and l.database = (select oid from pg_database where datname = current_database())
                  and l.pid is distinct from pg_backend_pid() and s.last_value is not null)
            from (select last_value, is_called from %1$s offset 0) s""";

    /** What the claim took, and where the floor may go once its transaction commits. */
    record Claimed(List<OutboxRow> rows, long floorAfterCommit) {
    }

    private record Writers(long allocated, Set<String> transactions) {
    }

    /**
     * How often the writers are read: {@code pg_locks} gathers every lock of the server, about 100 µs
     * of PostgreSQL's time per read (by hand, {@code OutboxClaimFloorMeasurement}), more than the claim
     * itself once it starts at the floor. Between reads the floor stays a little behind, by the rows
     * claimed since, which a claim steps over for a few µs.
     */
    private static final long READ_WRITERS_EVERY = TimeUnit.MILLISECONDS.toNanos(100);

    private String writersQuery;
    private long writersReadAt = System.nanoTime() - READ_WRITERS_EVERY;
    private boolean resolved;
    private long floor;
    /** Every id up to this one is settled (its transaction ended) before the next claim's snapshot. */
    private long settled = -1;
    /** A read whose writers had not all ended; it settles its ids once none of them holds the lock. */
    private Writers pending;

    /** Deletes and returns the oldest waiting rows from the floor on, in id order, in the caller's transaction. */
    Claimed claim(Connection connection, int batchSize) throws SQLException {
        long from;
        long bound;
        synchronized (this) {
            from = floor;
        }
        bound = settle(connection);
        List<OutboxRow> rows;
        try (PreparedStatement claim = connection.prepareStatement(CLAIM)) {
            claim.setLong(1, from);
            claim.setInt(2, batchSize);
            rows = OutboxRelay.rows(claim);
        }
        // delete ... returning names no order
        rows.sort(Comparator.comparingLong(OutboxRow::id));
        boolean full = rows.size() == batchSize;
        // every row the claim saw from the floor on was taken, up to its last one when the batch is full
        long covered = full ? Math.min(bound, rows.get(rows.size() - 1).id()) : bound;
        return new Claimed(rows, Math.max(from, covered + 1));
    }

    /** The claim's transaction committed: the ids below its floor are gone for good. */
    synchronized void committed(Claimed claimed) {
        floor = Math.max(floor, claimed.floorAfterCommit());
    }

    /** The floor this relay's next claim starts at (0 until it knows better). */
    synchronized long floor() {
        return floor;
    }

    /** The highest id known settled before a claim that starts now, or -1 when none is. */
    private long settle(Connection connection) throws SQLException {
        String query = writersQuery(connection);
        if (query == null) {
            return -1;
        }
        synchronized (this) {
            long now = System.nanoTime();
            if (now - writersReadAt < READ_WRITERS_EVERY) {
                return settled;
            }
            writersReadAt = now;
        }
        Writers now;
        try (PreparedStatement read = connection.prepareStatement(query); ResultSet row = read.executeQuery()) {
            row.next();
            long last = row.getLong(1);
            // a sequence that never handed out a value reads its start value, not yet taken
            long allocated = row.getBoolean(2) ? last : last - 1;
            Array holders = row.getArray(3);
            Object[] names = (Object[]) holders.getArray();
            holders.free();
            now = new Writers(allocated, Set.copyOf(Arrays.stream(names).map(String::valueOf).toList()));
        }
        synchronized (this) {
            if (pending != null && pending.transactions().stream().noneMatch(now.transactions()::contains)) {
                settled = Math.max(settled, pending.allocated());
                pending = null;
            }
            if (now.transactions().isEmpty()) {
                settled = Math.max(settled, now.allocated());
            } else if (pending == null) {
                pending = now;
            }
            return settled;
        }
    }

    /** The writers' query for this table's sequence, or null when the floor cannot be used. */
    private synchronized String writersQuery(Connection connection) throws SQLException {
        if (!resolved) {
            try (PreparedStatement find = connection.prepareStatement(SEQUENCE); ResultSet row = find.executeQuery()) {
                if (row.next() && row.getLong(2) == 1) {
                    // the name comes from the server's own catalog, quoted by it as needed
                    writersQuery = WRITERS.formatted(row.getString(1));
                }
            }
            resolved = true;
        }
        return writersQuery;
    }
}
