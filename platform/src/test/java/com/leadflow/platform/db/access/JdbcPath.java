package com.leadflow.platform.db.access;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.UUID;

/**
 * The candidate: HikariCP and pgjdbc, prepared statements reused by the driver's cache, a batch of
 * single-row inserts rewritten into multi-row ones ({@code reWriteBatchedInserts}).
 */
final class JdbcPath implements AccessPath {

    private final HikariDataSource pool;

    JdbcPath(String host, int port, String database, String user, String schema) {
        var config = new HikariConfig();
        config.setJdbcUrl("jdbc:postgresql://" + host + ":" + port + "/" + database + "?currentSchema=" + schema
                + "&reWriteBatchedInserts=true");
        config.setUsername(user);
        config.setMaximumPoolSize(1);
        config.setAutoCommit(false);
        pool = new HikariDataSource(config);
    }

    @Override
    public String name() {
        return "JDBC";
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T transaction(Work<T> work) {
        try (Connection connection = pool.getConnection()) {
            try {
                T result = work.run(connection);
                connection.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public int backendPid() {
        return transaction(c -> {
            try (var rs = c.createStatement().executeQuery("select pg_backend_pid()")) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }

    @Override
    public void pollRowByRow(String consumer, int first, int events) {
        transaction(c -> {
            claim(c, consumer, first, events);
            try (var work = c.prepareStatement(jdbc(Rows.WORK + Rows.values(Rows.WORK_ROW, 7, 1)));
                    var outbox = c.prepareStatement(jdbc(Rows.OUTBOX + Rows.values(Rows.OUTBOX_ROW, 6, 1)))) {
                for (int n = first; n < first + events; n++) {
                    bindWork(work, n);
                    work.executeUpdate();
                    bindOutbox(outbox, n);
                    outbox.executeUpdate();
                }
            }
            return null;
        });
    }

    @Override
    public void pollMultiRow(String consumer, int first, int events) {
        transaction(c -> {
            claim(c, consumer, first, events);
            try (var work = c.prepareStatement(jdbc(Rows.WORK + Rows.values(Rows.WORK_ROW, 7, 1)));
                    var outbox = c.prepareStatement(jdbc(Rows.OUTBOX + Rows.values(Rows.OUTBOX_ROW, 6, 1)))) {
                for (int n = first; n < first + events; n++) {
                    bindWork(work, n);
                    work.addBatch();
                    bindOutbox(outbox, n);
                    outbox.addBatch();
                }
                work.executeBatch();
                outbox.executeBatch();
            }
            return null;
        });
    }

    private static void claim(Connection c, String consumer, int first, int events) throws SQLException {
        if (events == 1) {
            try (var claim = c.prepareStatement(jdbc(Rows.CLAIM_ONE))) {
                claim.setString(1, consumer);
                claim.setString(2, Rows.eventId(first));
                claim.executeUpdate();
            }
            return;
        }
        String[] ids = new String[events];
        for (int i = 0; i < events; i++) {
            ids[i] = Rows.eventId(first + i);
        }
        try (var applied = c.prepareStatement("select event_id from processed_event where consumer = ? and event_id = any (?)")) {
            applied.setString(1, consumer);
            applied.setArray(2, c.createArrayOf("varchar", ids));
            try (ResultSet rs = applied.executeQuery()) {
                while (rs.next()) {
                    rs.getString(1);
                }
            }
        }
        try (var insert = c.prepareStatement("insert into processed_event (consumer, event_id) values (?, ?)")) {
            for (String id : ids) {
                insert.setString(1, consumer);
                insert.setString(2, id);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @Override
    public int relayLocked(int batchSize) {
        return transaction(c -> {
            try (var lock = c.prepareStatement(jdbc(Rows.LOCK))) {
                lock.setString(1, "relay-1");
                lock.setObject(2, Rows.now());
                lock.executeUpdate();
            }
            Long[] ids = new Long[batchSize];
            int count = 0;
            try (var pending = c.prepareStatement(jdbc(Rows.PENDING))) {
                pending.setInt(1, batchSize);
                try (ResultSet rs = pending.executeQuery()) {
                    while (rs.next()) {
                        ids[count++] = readRow(rs);
                    }
                }
            }
            if (count > 0) {
                try (var mark = c.prepareStatement("update outbox_event set published_at = ? where id = any (?)")) {
                    mark.setObject(1, Rows.now());
                    mark.setArray(2, c.createArrayOf("bigint", java.util.Arrays.copyOf(ids, count)));
                    mark.executeUpdate();
                }
            }
            return count;
        });
    }

    @Override
    public int relayOneStatement(int batchSize) {
        return transaction(c -> {
            int count = 0;
            try (var relay = c.prepareStatement(jdbc(Rows.RELAY_ONE))) {
                relay.setObject(1, Rows.now());
                relay.setInt(2, batchSize);
                try (ResultSet rs = relay.executeQuery()) {
                    while (rs.next()) {
                        readRow(rs);
                        count++;
                    }
                }
            }
            return count;
        });
    }

    private static long readRow(ResultSet rs) throws SQLException {
        long id = rs.getLong("id");
        rs.getObject("event_id", UUID.class);
        rs.getString("topic");
        rs.getString("record_key");
        rs.getString("value_type");
        rs.getBytes("payload");
        rs.getString("correlation_id");
        rs.getObject("created_at", java.time.OffsetDateTime.class);
        return id;
    }

    @Override
    public void fillOutbox(int rows) {
        transaction(c -> {
            try (var outbox = c.prepareStatement(jdbc(Rows.OUTBOX + Rows.values(Rows.OUTBOX_ROW, 6, 1)))) {
                for (int n = 0; n < rows; n++) {
                    bindOutbox(outbox, n);
                    outbox.addBatch();
                }
                outbox.executeBatch();
            }
            return null;
        });
    }

    private static void bindWork(PreparedStatement s, int n) throws SQLException {
        s.setObject(1, UUID.randomUUID());
        s.setString(2, Rows.leadId(n));
        s.setString(3, "QUEUED");
        s.setString(4, "ROUTINE");
        s.setObject(5, Rows.now());
        s.setObject(6, Rows.now());
        s.setString(7, Rows.DETAILS);
    }

    private static void bindOutbox(PreparedStatement s, int n) throws SQLException {
        s.setObject(1, UUID.randomUUID());
        s.setString(2, "leads.status");
        s.setString(3, Rows.leadId(n));
        s.setString(4, "com.leadflow.events.LeadStatusChanged");
        s.setBytes(5, Rows.PAYLOAD);
        s.setString(6, "correlation-" + n);
    }

    private static String jdbc(String sql) {
        return sql.replaceAll("\\$\\d+", "?");
    }

    @Override
    public void close() {
        pool.close();
    }
}
