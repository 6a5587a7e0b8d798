package uk.assure.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.MigrationVersion;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * The owner of the tables on one database, for the tools that work beneath the app (backup and restore): the
 * embedded server's superuser, or {@code ASSURE_DATABASE_USER} on a server named by {@code ASSURE_DATABASE_URL}.
 * It reads past row-level security, and it runs the migrations, as the app's start does.
 */
public record DatabaseOwner(String url, String user, String password, String appRole) {

    /** The migrations the app runs at start ({@code spring.flyway.locations}). */
    private static final String MIGRATIONS = "classpath:db/migration";

    /** The owner on the server named by {@code ASSURE_DATABASE_URL}. */
    public static DatabaseOwner external(AssureProperties.Database db) {
        return new DatabaseOwner(db.url(), db.user(), db.password(), DatabaseConfiguration.appRole(db));
    }

    /** The superuser of an embedded server, reached at {@code url}. */
    public static DatabaseOwner embedded(String url, String user, AssureProperties.Database db) {
        return new DatabaseOwner(url, user, null, DatabaseConfiguration.appRole(db));
    }

    public Connection connect() throws SQLException {
        Properties properties = new Properties();
        if (user != null && !user.isBlank()) {
            properties.setProperty("user", user);
        }
        if (password != null && !password.isBlank()) {
            properties.setProperty("password", password);
        }
        return DriverManager.getConnection(url, properties);
    }

    /** The app's migrations, as the app runs them at start, up to and including {@code target}. */
    public Flyway migrationsUpTo(String target) {
        return Flyway.configure()
                .dataSource(url, blankAsNull(user), blankAsNull(password))
                .locations(MIGRATIONS)
                .placeholders(Map.of("appRole", appRole))
                .target(MigrationVersion.fromVersion(target))
                .load();
    }

    /** Whether this Assure has the migration of that version (a backup from a newer one may need others). */
    public static boolean knowsSchemaVersion(String version) {
        MigrationVersion wanted = MigrationVersion.fromVersion(version);
        return schemaVersions().stream().anyMatch(wanted::equals);
    }

    public static String newestSchemaVersion() {
        return schemaVersions().stream()
                .max(Comparator.naturalOrder())
                .map(MigrationVersion::getVersion)
                .orElse("none");
    }

    /** The versions of the migrations in the jar: {@code V<version>__<what>.sql}. */
    private static List<MigrationVersion> schemaVersions() {
        try {
            List<MigrationVersion> versions = new ArrayList<>();
            for (Resource r : new PathMatchingResourcePatternResolver().getResources(MIGRATIONS + "/V*__*.sql")) {
                String name = r.getFilename();
                if (name != null) {
                    versions.add(MigrationVersion.fromVersion(name.substring(1, name.indexOf("__"))));
                }
            }
            return versions;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not list the migrations", e);
        }
    }

    /** The URL as it may be printed: without its query, where a password may be. */
    public String whereForPeople() {
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query);
    }

    @Override
    public String toString() {
        return "DatabaseOwner[" + whereForPeople() + ", user " + user + "]"; // never the password
    }

    private static String blankAsNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
