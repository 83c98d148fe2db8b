package com.leadflow.platform.db;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Locale;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * A service migration of statements only PostgreSQL accepts (a partial index, a table's storage
 * parameters) that change how fast the service runs, not what it does: on H2 (the local run's embedded
 * database, which has neither) it does nothing. A service names one after its version, as Flyway
 * finds Java migrations beside its SQL ones: a class {@code db.migration.service.V2__Due_messages}
 * extending this, with a public constructor giving the statements.
 */
public abstract class PostgresMigration extends BaseJavaMigration {

    private final List<String> statements;

    protected PostgresMigration(String... statements) {
        this.statements = List.of(statements);
    }

    @Override
    public void migrate(Context context) throws Exception {
        Connection connection = context.getConnection();
        if (!connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres")) {
            return;
        }
        try (Statement statement = connection.createStatement()) {
            for (String sql : statements) {
                statement.execute(sql);
            }
        }
    }
}
