package com.leadflow.test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/**
 * The PostgreSQL the tests run against ({@code 127.0.0.1:5432/test} unless
 * {@code -Dleadflow.test.postgres.url} says otherwise). Each Spring context gets a schema of its
 * own, so test classes never see each other's rows; the schemas are dropped when the JVM exits.
 */
public final class PostgresTestDatabase {

    private static final List<String> created = new ArrayList<>();

    static {
        Runtime.getRuntime().addShutdownHook(new Thread(PostgresTestDatabase::dropCreatedSchemas, "drop-test-schemas"));
    }

    private PostgresTestDatabase() {
    }

    public static String jdbcUrl() {
        return System.getProperty("leadflow.test.postgres.url", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String user() {
        return System.getProperty("leadflow.test.postgres.user", "postgres");
    }

    public static String password() {
        return System.getProperty("leadflow.test.postgres.password", "");
    }

    /** A new, unused schema name; Flyway creates the schema when the context starts. */
    public static synchronized String newSchema(String prefix) {
        String schema = ("t_" + prefix + "_" + UUID.randomUUID().toString().substring(0, 8))
                .toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9_]", "_");
        created.add(schema);
        return schema;
    }

    private static synchronized void dropCreatedSchemas() {
        if (created.isEmpty() || Boolean.getBoolean("leadflow.test.keep-schemas")) {
            return;
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl(), user(), password());
                Statement statement = connection.createStatement()) {
            for (String schema : created) {
                statement.execute("drop schema if exists " + schema + " cascade");
            }
        } catch (SQLException e) {
            System.err.println("Could not drop test schemas: " + e.getMessage());
        }
    }
}
