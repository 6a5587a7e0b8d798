package uk.assure.system;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.dao.DataAccessException;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Refuses to start when the role the app connects as could read past row-level security: a superuser, a role with
 * BYPASSRLS, or the owner of any table (owners are exempt from their tables' policies).
 */
final class DatabaseRoleCheck implements InitializingBean {

    private final JdbcClient jdbc;

    DatabaseRoleCheck(DataSource dataSource) {
        this.jdbc = JdbcClient.create(dataSource);
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems;
        try {
            problems = problems();
        } catch (DataAccessException e) {
            throw new IllegalStateException(whyNoConnection(e), e);
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("The app's database role cannot be trusted with row-level security: "
                    + String.join("; ", problems) + ". Connect as a role that owns nothing "
                    + "(ASSURE_DATABASE_APP_USER) and run migrations as the owner (ASSURE_DATABASE_USER).");
        }
    }

    /** The first connection as the app's role failed: say which setting to look at, in plain words. */
    private static String whyNoConnection(DataAccessException e) {
        Throwable cause = e.getMostSpecificCause();
        String state = cause instanceof SQLException sql ? sql.getSQLState() : null;
        if ("28P01".equals(state) || "28000".equals(state)) {
            return "The database refused the app's role its password: ASSURE_DATABASE_APP_PASSWORD does not match the "
                    + "password of the role named by ASSURE_DATABASE_APP_USER (or that role may not sign in)";
        }
        return "The app could not connect to the database as its role (ASSURE_DATABASE_APP_USER): "
                + (state == null ? cause.getClass().getSimpleName() : "SQL state " + state);
    }

    List<String> problems() {
        List<String> problems = new ArrayList<>();
        var role = jdbc.sql("SELECT current_user, rolsuper, rolbypassrls FROM pg_roles WHERE rolname = current_user")
                .query((rs, n) -> new Object[] {rs.getString(1), rs.getBoolean(2), rs.getBoolean(3)})
                .single();
        if ((Boolean) role[1]) {
            problems.add(role[0] + " is a superuser");
        }
        if ((Boolean) role[2]) {
            problems.add(role[0] + " has BYPASSRLS");
        }
        List<String> owned = jdbc.sql("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE c.relkind IN ('r', 'p') AND n.nspname = current_schema() AND pg_get_userbyid(c.relowner) = current_user
                ORDER BY c.relname""").query(String.class).list();
        if (!owned.isEmpty()) {
            problems.add(role[0] + " owns " + String.join(", ", owned));
        }
        return problems;
    }
}
