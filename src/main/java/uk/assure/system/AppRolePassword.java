package uk.assure.system;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * After the migrations, the owner gives the app's role the password the app will connect with
 * ({@code ASSURE_DATABASE_APP_PASSWORD}), so that a role the migrations created (V10) can sign in on a server with
 * password authentication. Set at every start: a changed setting takes effect at the next start. Where the owner
 * may not change that role (a role someone else made), it says so and leaves the role as it is.
 */
final class AppRolePassword implements Callback {

    private static final Logger log = LoggerFactory.getLogger(AppRolePassword.class);

    private final String url;
    private final String role;
    private final String password;

    /** @param url the JDBC URL the app connects to, without credentials */
    AppRolePassword(String url, String role, String password) {
        this.url = url;
        this.role = role;
        this.password = password;
    }

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.AFTER_MIGRATE && password != null && !password.isBlank();
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return false; // the new password must be committed before the app's role tries it
    }

    @Override
    public void handle(Event event, Context context) {
        Connection connection = context.getConnection();
        // format() quotes the name and the password for PostgreSQL; neither is ever written to the log
        try (var statement =
                connection.prepareStatement("SELECT format('ALTER ROLE %I WITH LOGIN PASSWORD %L', ?, ?)")) {
            statement.setString(1, role);
            statement.setString(2, password);
            String alter;
            try (var result = statement.executeQuery()) {
                result.next();
                alter = result.getString(1);
            }
            if (mayChange(connection)) {
                try (var change = connection.createStatement()) {
                    change.execute(alter);
                }
                log.info("The app's database role {} has the password set in ASSURE_DATABASE_APP_PASSWORD", role);
            } else {
                // not tried: a refused ALTER ROLE would write the password into the server's log
                log.warn("The owner may not change the app's database role {}: it keeps the password it has", role);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not set the password of the app's database role " + role, e);
        }
        signInAsTheApp();
    }

    /** A superuser may; a role with CREATEROLE may change the roles it administers (before PostgreSQL 16: any). */
    private boolean mayChange(Connection connection) throws SQLException {
        try (var check = connection.prepareStatement("""
                SELECT me.rolsuper OR (me.rolcreaterole AND NOT target.rolsuper AND (
                       current_setting('server_version_num')::int < 160000
                       OR pg_has_role(current_user, target.oid, 'MEMBER WITH ADMIN OPTION')))
                FROM pg_roles me, pg_roles target WHERE me.rolname = current_user AND target.rolname = ?""")) {
            check.setString(1, role);
            try (var result = check.executeQuery()) {
                return result.next() && result.getBoolean(1);
            }
        }
    }

    /** Tries the app's role with its password now, so that a mismatch stops the start with a plain reason. */
    private void signInAsTheApp() {
        try (Connection ignored = DriverManager.getConnection(url, role, password)) {
            log.debug("The app's database role {} signs in", role);
        } catch (SQLException e) {
            if ("28P01".equals(e.getSQLState()) || "28000".equals(e.getSQLState())) {
                throw new IllegalStateException("The database refused the app's role " + role + " its password: "
                        + "ASSURE_DATABASE_APP_PASSWORD does not match the password of that role "
                        + "(ASSURE_DATABASE_APP_USER), and the owner (ASSURE_DATABASE_USER) may not change it");
            }
            throw new IllegalStateException(
                    "The app could not connect to the database as its role " + role + " (SQL state " + e.getSQLState()
                            + ")",
                    e);
        }
    }

    @Override
    public String getCallbackName() {
        return "app role password";
    }
}
