package com.leadflow.platform.db;

import java.io.File;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.PropertySource;

/**
 * One place to point a service at its database: {@code leadflow.database.url} (JDBC form),
 * {@code leadflow.database.schema}, {@code leadflow.database.username} and
 * {@code leadflow.database.password}. From those it derives the R2DBC connection the service
 * uses and the JDBC connection Flyway migrates with, so the two can never disagree. The values
 * are derived when read, so settings added late (by a test, say) still count; an explicit
 * {@code spring.r2dbc.*} or {@code spring.flyway.*} setting always wins.
 *
 * <p>Without a URL a service runs on an embedded H2 file database under
 * {@code leadflow.data-dir}: the zero-setup local run. Production and tests use PostgreSQL, one
 * schema per service.
 */
public class DatabaseEnvironment implements EnvironmentPostProcessor, Ordered {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment env, SpringApplication application) {
        env.getPropertySources().addLast(new DerivedSource(env));
    }

    @Override
    public int getOrder() {
        return Ordered.LOWEST_PRECEDENCE;
    }

    private static final java.util.Set<String> DERIVED = java.util.Set.of("spring.r2dbc.url", "spring.r2dbc.username",
            "spring.r2dbc.password", "spring.flyway.url", "spring.flyway.user", "spring.flyway.password",
            "spring.flyway.schemas", "spring.flyway.default-schema");

    /** The Spring settings for a service's database, derived from the leadflow ones. */
    static Map<String, String> derive(String service, String url, String schema, String user, String password,
            String dataDir) {
        String shortName = service.replace("-service", "").replaceAll("[^A-Za-z0-9_]", "_");
        String schemaName = schema == null || schema.isBlank() ? shortName : schema;
        Map<String, String> props = new LinkedHashMap<>();
        if (url == null || url.isBlank()) {
            String dir = new File(dataDir == null ? ".local/data" : dataDir).getAbsolutePath();
            url = "jdbc:h2:file:" + dir + "/" + shortName;
        }
        if (url.startsWith("jdbc:postgresql:")) {
            String address = url.substring("jdbc:postgresql:".length());
            props.put("spring.r2dbc.url", "r2dbc:postgresql:" + address + (address.contains("?") ? "&" : "?") + "schema=" + schemaName);
            props.put("spring.flyway.url", url);
            props.put("spring.flyway.schemas", schemaName);
            props.put("spring.flyway.default-schema", schemaName);
        } else if (url.startsWith("jdbc:h2:file:")) {
            String path = new File(url.substring("jdbc:h2:file:".length())).getAbsolutePath();
            String options = ";MODE=PostgreSQL;DATABASE_TO_LOWER=TRUE;DEFAULT_NULL_ORDERING=HIGH;DB_CLOSE_DELAY=-1";
            // r2dbc-h2 drops the first slash of the path
            props.put("spring.r2dbc.url", "r2dbc:h2:file:///" + path + options);
            props.put("spring.flyway.url", "jdbc:h2:file:" + path + options);
        } else {
            throw new IllegalStateException("leadflow.database.url must be a jdbc:postgresql: or jdbc:h2:file: URL");
        }
        props.put("spring.r2dbc.username", user == null ? "" : user);
        props.put("spring.r2dbc.password", password == null ? "" : password);
        props.put("spring.flyway.user", user == null ? "" : user);
        props.put("spring.flyway.password", password == null ? "" : password);
        return props;
    }

    /** Not enumerable on purpose: values are looked up by name, and computed only then. */
    private static final class DerivedSource extends PropertySource<Object> {

        // not the source object: Boot would walk an environment source's own sources, this one included
        private final ConfigurableEnvironment env;

        DerivedSource(ConfigurableEnvironment env) {
            super("leadflowDatabase", new Object());
            this.env = env;
        }

        @Override
        public Object getProperty(String name) {
            if (!DERIVED.contains(name)) {
                return null;
            }
            return derive(env.getProperty("spring.application.name", "leadflow"),
                    env.getProperty("leadflow.database.url"), env.getProperty("leadflow.database.schema"),
                    env.getProperty("leadflow.database.username"), env.getProperty("leadflow.database.password"),
                    env.getProperty("leadflow.data-dir")).get(name);
        }
    }
}
