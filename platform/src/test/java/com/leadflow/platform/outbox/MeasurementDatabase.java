package com.leadflow.platform.outbox;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the outbox's by-hand measurements share: their own database on the local PostgreSQL (so other
 * engineers' statements stay out of {@code pg_stat_statements}), a schema migrated by the platform's
 * own scripts, and a backend's CPU time.
 */
final class MeasurementDatabase {

    static final String NAME = "outbox_measure";

    private MeasurementDatabase() {
    }

    /** Creates the measurement database if it is missing; returns its oid. */
    static long ensure(String serverUrl, String user) throws SQLException {
        try (Connection admin = DriverManager.getConnection(serverUrl + "postgres", user, "");
                Statement statement = admin.createStatement()) {
            try (ResultSet found = statement.executeQuery("select 1 from pg_database where datname = '" + NAME + "'")) {
                if (!found.next()) {
                    statement.execute("create database " + NAME);
                }
            }
            try (ResultSet oid = statement.executeQuery("select oid from pg_database where datname = '" + NAME + "'")) {
                oid.next();
                return oid.getLong(1);
            }
        }
    }

    /** Creates {@code schema} and runs the named platform migrations in it, in order. */
    static void migrate(Statement ddl, String schema, String... scripts) throws Exception {
        ddl.execute("create schema " + schema);
        ddl.execute("set search_path to " + schema);
        for (String script : scripts) {
            try (var in = MeasurementDatabase.class.getResourceAsStream("/db/migration/platform/" + script)) {
                ddl.execute(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
    }

    /** A backend's time on a CPU in nanoseconds, from the scheduler's own count (/proc's utime and stime tick at 10 ms). */
    static long cpuNanos(int pid) throws Exception {
        Path stat = Path.of("/proc/" + pid + "/schedstat");
        return Files.exists(stat) ? Long.parseLong(Files.readString(stat).split(" ")[0]) : 0;
    }

    /** A connection to {@code schema} with batched inserts rewritten, outside auto-commit; {@code options} go to the server. */
    static Connection connect(String url, String user, String schema, String options) throws SQLException {
        java.util.Properties properties = new java.util.Properties();
        properties.setProperty("user", user);
        properties.setProperty("password", "");
        properties.setProperty("currentSchema", schema);
        properties.setProperty("reWriteBatchedInserts", "true");
        if (!options.isBlank()) {
            properties.setProperty("options", options.trim());
        }
        Connection connection = DriverManager.getConnection(url, properties);
        connection.setAutoCommit(false);
        return connection;
    }

    /** The connection's backend process, for {@link #cpuNanos}. */
    static int pid(Connection connection) throws SQLException {
        try (ResultSet row = connection.createStatement().executeQuery("select pg_backend_pid()")) {
            row.next();
            int pid = row.getInt(1);
            connection.commit();
            return pid;
        }
    }
}
