package com.leadflow.localstack;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * A PostgreSQL database shared by the services, each in a schema of its own: the schema is the
 * prefix followed by the service's short name ({@code intake}, {@code review}, ...), so several
 * stacks (a test run beside a developer's run, say) can share one database without meeting.
 * Without one ({@code --postgres} absent) each service keeps an embedded H2 file under .local/data.
 */
public record ServiceDatabase(String url, String username, String password, String schemaPrefix) {

  public static final String DEFAULT_USER = "postgres";
  private static final String URL_START = "jdbc:postgresql://";
  // unquoted PostgreSQL identifiers fold to lower case; these need no quoting anywhere
  private static final Pattern SCHEMA_PREFIX = Pattern.compile("([a-z_][a-z0-9_]*)?");
  private static final int MAX_PREFIX = 40;

  public ServiceDatabase {
    if (url == null || !url.startsWith(URL_START) || url.length() == URL_START.length()) {
      throw new LaunchOptions.UsageException(
          "--postgres needs a JDBC URL like jdbc:postgresql://localhost:5432/leadflow, not '" + url + "'");
    }
    username = username == null ? DEFAULT_USER : username;
    password = password == null ? "" : password;
    schemaPrefix = schemaPrefix == null ? "" : schemaPrefix;
    if (!SCHEMA_PREFIX.matcher(schemaPrefix).matches() || schemaPrefix.length() > MAX_PREFIX) {
      throw new LaunchOptions.UsageException("--schema-prefix may hold up to " + MAX_PREFIX
          + " lower-case letters, digits and _, and must not start with a digit; not '" + schemaPrefix + "'");
    }
  }

  /**
   * From the command line's {@code --postgres}, {@code --postgres-user}, {@code --postgres-password}
   * and {@code --schema-prefix}; null (embedded databases) when none is given.
   */
  static ServiceDatabase fromFlags(Map<String, String> flags) {
    if (!flags.containsKey("--postgres")) {
      if (!flags.isEmpty()) {
        throw new LaunchOptions.UsageException(flags.keySet().iterator().next()
            + " only applies together with --postgres");
      }
      return null;
    }
    return new ServiceDatabase(flags.get("--postgres"), flags.get("--postgres-user"),
        flags.get("--postgres-password"), flags.get("--schema-prefix"));
  }

  public String schemaOf(ServiceSpec service) {
    return schemaPrefix + service.shortName();
  }

  /** The platform's database settings (leadflow.database.*) for one service. */
  public Map<String, String> environment(ServiceSpec service) {
    Map<String, String> env = new LinkedHashMap<>();
    env.put("LEADFLOW_DATABASE_URL", url);
    env.put("LEADFLOW_DATABASE_USERNAME", username);
    env.put("LEADFLOW_DATABASE_PASSWORD", password);
    env.put("LEADFLOW_DATABASE_SCHEMA", schemaOf(service));
    return env;
  }

  /** For the summary: where the data is, never the password. */
  public String describe() {
    return url + " as " + username + ", schemas " + schemaPrefix + "<service>";
  }

  /**
   * Drops the services' schemas with everything in them: for runs that made their own (tests,
   * the benchmark), never for a developer's data. Needs the PostgreSQL JDBC driver on the
   * classpath; the launcher itself never calls it.
   */
  public void dropSchemas(List<ServiceSpec> services) throws SQLException {
    try (Connection connection = DriverManager.getConnection(url, username, password);
         Statement statement = connection.createStatement()) {
      for (ServiceSpec service : services) {
        // the prefix is checked to be a plain identifier, so the name needs no quoting
        statement.execute("drop schema if exists " + schemaOf(service) + " cascade");
      }
    }
  }
}
