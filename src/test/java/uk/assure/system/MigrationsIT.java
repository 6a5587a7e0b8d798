package uk.assure.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.assure.support.TestDatabase;

/** The migrations, applied by Flyway alone to an empty database, and the constraints they promise. */
class MigrationsIT {

    private static final String APP_ROLE = "assure_app";
    private static JdbcClient jdbc;
    private static String url;

    @BeforeAll
    static void migrateAnEmptyDatabase() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        url = TestDatabase.newDatabase();
        dataSource.setUrl(url);
        var result = Flyway.configure()
                .dataSource(dataSource)
                .placeholders(Map.of("appRole", APP_ROLE))
                .load()
                .migrate();
        assertThat(result.success).isTrue();
        assertThat(result.migrationsExecuted).isPositive();
        jdbc = JdbcClient.create(dataSource);
    }

    @Test
    void everyTableIsScopedToAPartnership() {
        List<String> unscoped = jdbc.sql("""
                SELECT t.table_name FROM information_schema.tables t
                WHERE t.table_schema = 'public' AND t.table_type = 'BASE TABLE' AND t.table_name <> 'flyway_schema_history'
                  AND NOT EXISTS (SELECT 1 FROM information_schema.columns c
                                  WHERE c.table_name = t.table_name AND c.column_name = 'partnership_id')""").query(String.class).list();
        // sign_in_failure is written before anyone is signed in, so it belongs to no partnership; it holds only an
        // email as typed, an address and a time, and nothing is ever read from it but counts. The two session tables
        // (V16) are read before a request knows whose it is, and are found only by the session's random id.
        // audit_chain (V17) is the one record of where the keyed audit chain starts, across every partnership.
        assertThat(unscoped)
                .containsExactlyInAnyOrder(
                        "sign_in_failure", "spring_session", "spring_session_attributes", "audit_chain");
    }

    @Test
    void aChildCannotPointAtAnotherPartnershipsParent() {
        long a = partnership("A");
        long b = partnership("B");
        long planOfA = jdbc.sql(
                        "INSERT INTO plan (partnership_id, external_id, title, kind) VALUES (?, ?, 'Plan', 'AUDIT') RETURNING id")
                .params(a, ExternalIds.next())
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> jdbc.sql(
                                "INSERT INTO section (partnership_id, plan_id, position, title) VALUES (?, ?, 0, 'S')")
                        .params(b, planOfA)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class)
                .hasMessageContaining("fk_section_plan");
    }

    @Test
    void aRevisedDueDateNeedsAReasonInTheDatabaseToo() {
        long p = partnership("C");
        long plan = jdbc.sql(
                        "INSERT INTO plan (partnership_id, external_id, title, kind) VALUES (?, ?, 'Plan', 'AUDIT') RETURNING id")
                .params(p, ExternalIds.next())
                .query(Long.class)
                .single();
        long action = jdbc.sql(
                        "INSERT INTO action (partnership_id, plan_id, external_id, position, text) VALUES (?, ?, ?, 0, 'Do') RETURNING id")
                .params(p, plan, ExternalIds.next())
                .query(Long.class)
                .single();
        assertThatThrownBy(() ->
                        jdbc.sql("""
                INSERT INTO progress_update (partnership_id, action_id, external_id, author_name, recorded_at, narrative,
                    status_before, status_after, revised_due_precision)
                VALUES (?, ?, ?, 'X', now(), 'Moved', 'NOT_STARTED', 'IN_PROGRESS', 'DAY')""").params(p, action, ExternalIds.next()).update())
                .hasMessageContaining("ck_progress_update_revision_reason");
    }

    @Test
    void progressUpdatesAndAuditEventsAreAppendOnly() {
        long p = partnership("D");
        long plan = jdbc.sql(
                        "INSERT INTO plan (partnership_id, external_id, title, kind) VALUES (?, ?, 'Plan', 'AUDIT') RETURNING id")
                .params(p, ExternalIds.next())
                .query(Long.class)
                .single();
        long action = jdbc.sql(
                        "INSERT INTO action (partnership_id, plan_id, external_id, position, text) VALUES (?, ?, ?, 0, 'Do') RETURNING id")
                .params(p, plan, ExternalIds.next())
                .query(Long.class)
                .single();
        jdbc.sql("""
                INSERT INTO progress_update (partnership_id, action_id, external_id, author_name, recorded_at, narrative,
                    status_before, status_after) VALUES (?, ?, ?, 'X', now(), 'Started', 'NOT_STARTED', 'IN_PROGRESS')""").params(p, action, ExternalIds.next()).update();
        jdbc.sql("INSERT INTO audit_event (partnership_id, occurred_at, actor, event_type, previous_hash, hash) "
                        + "VALUES (?, now(), 'X', 'TEST', 'before', 'own')")
                .param(p)
                .update();

        assertThatThrownBy(() -> jdbc.sql("UPDATE progress_update SET narrative = 'Rewritten' WHERE action_id = ?")
                        .param(action)
                        .update())
                .hasStackTraceContaining("append only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM progress_update WHERE action_id = ?")
                        .param(action)
                        .update())
                .hasStackTraceContaining("append only");
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_event SET actor = 'Y'").update())
                .hasStackTraceContaining("append only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_event").update()).hasStackTraceContaining("append only");

        // Deleting the whole plan still takes its history with it.
        jdbc.sql("DELETE FROM plan WHERE id = ?").param(plan).update();
        assertThat(jdbc.sql("SELECT count(*) FROM progress_update WHERE action_id = ?")
                        .param(action)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void onceTheChainHasBegunAnAuditEventWithoutItsHashesIsRefusedAndTheChainsRecordCannotChange() {
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO audit_event (occurred_at, actor, event_type, previous_hash) "
                                + "VALUES (now(), 'X', 'TEST', 'before')")
                        .update())
                .hasMessageContaining("ck_audit_event_hashed");
        assertThatThrownBy(() -> jdbc.sql(
                                "INSERT INTO audit_event (occurred_at, actor, event_type, hash) VALUES (now(), 'X', 'TEST', 'own')")
                        .update())
                .hasMessageContaining("ck_audit_event_linked");

        assertThat(jdbc.sql("SELECT count(*) FROM audit_chain")
                        .query(Long.class)
                        .single())
                .isOne();
        assertThatThrownBy(() -> jdbc.sql("UPDATE audit_chain SET keyed_from = keyed_from + 100")
                        .update())
                .hasStackTraceContaining("append only");
        assertThatThrownBy(() -> jdbc.sql("DELETE FROM audit_chain").update()).hasStackTraceContaining("append only");
        assertThatThrownBy(() -> jdbc.sql("INSERT INTO audit_chain (keyed_from, anchor) VALUES (1, 'another')")
                        .update())
                .hasMessageContaining("uq_audit_chain_one");
        assertThat(jdbc.sql(
                                "SELECT has_table_privilege(?, 'audit_chain', 'INSERT') OR has_table_privilege(?, 'audit_chain', 'UPDATE') "
                                        + "OR has_table_privilege(?, 'audit_chain', 'DELETE')")
                        .params(APP_ROLE, APP_ROLE, APP_ROLE)
                        .query(Boolean.class)
                        .single())
                .as("the app's role only reads the chain's record")
                .isFalse();
    }

    @Test
    void everyTableWithAPartnershipHasRowLevelSecurityAndAPolicy() {
        List<String> unprotected = jdbc.sql("""
                SELECT c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                WHERE n.nspname = 'public' AND c.relkind = 'r'
                  AND EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'partnership_id'
                              AND NOT a.attisdropped)
                  AND (NOT c.relrowsecurity OR NOT EXISTS (SELECT 1 FROM pg_policy p WHERE p.polrelid = c.oid))
                ORDER BY c.relname""").query(String.class).list();
        assertThat(unprotected)
                .as("tables with partnership_id but no row-level security policy")
                .isEmpty();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM pg_class WHERE relrowsecurity AND relnamespace = 'public'::regnamespace")
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(20);
    }

    @Test
    void theAppRoleOwnsNothingAndCannotBypassTheLawOrRewriteTheAuditLog() {
        assertThat(jdbc.sql("SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = ?")
                        .param(APP_ROLE)
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(jdbc.sql(
                                "SELECT count(*) FROM pg_class WHERE relnamespace = 'public'::regnamespace AND pg_get_userbyid(relowner) = ?")
                        .param(APP_ROLE)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql(
                                "SELECT has_table_privilege(?, 'audit_event', 'UPDATE') OR has_table_privilege(?, 'audit_event', 'DELETE')")
                        .params(APP_ROLE, APP_ROLE)
                        .query(Boolean.class)
                        .single())
                .isFalse();
        assertThat(jdbc.sql("SELECT has_table_privilege(?, 'flyway_schema_history', 'SELECT')")
                        .param(APP_ROLE)
                        .query(Boolean.class)
                        .single())
                .isFalse();
    }

    @Test
    void asTheAppRoleAConnectionSeesOnlyItsPartnershipsRowsAndWithNoScopeNone() throws Exception {
        long a = partnership("RLS A");
        long b = partnership("RLS B");
        for (long p : new long[] {a, b}) {
            jdbc.sql("INSERT INTO plan (partnership_id, external_id, title, kind) VALUES (?, ?, 'Plan', 'AUDIT')")
                    .params(p, ExternalIds.next())
                    .update();
        }
        PGSimpleDataSource app = new PGSimpleDataSource();
        app.setUrl(url.replaceAll("([?&])user=[^&]*", "$1user=" + APP_ROLE));
        try (var c = app.getConnection();
                var s = c.createStatement()) {
            assertThat(count(s, "SELECT count(*) FROM plan")).as("no scope").isZero();
            assertThat(count(s, "SELECT count(*) FROM partnership"))
                    .as("no scope")
                    .isZero();

            s.execute("SELECT set_config('assure.partnership', '" + a + "', false)");
            assertThat(count(s, "SELECT count(*) FROM plan WHERE partnership_id IN (" + a + ", " + b + ")"))
                    .isEqualTo(1);
            assertThat(count(s, "SELECT count(*) FROM partnership WHERE id = " + b))
                    .isZero();
            assertThatThrownBy(() -> s.execute("INSERT INTO plan (partnership_id, external_id, title, kind) VALUES ("
                            + b + ", 'x" + ExternalIds.next() + "', 'Planted', 'AUDIT')"))
                    .hasMessageContaining("row-level security");
            assertThat(s.executeUpdate("UPDATE plan SET title = 'Changed' WHERE partnership_id = " + b))
                    .isZero();
            assertThat(s.executeUpdate("DELETE FROM plan WHERE partnership_id = " + b))
                    .isZero();
            assertThatThrownBy(() -> s.execute("UPDATE audit_event SET actor = 'Y'"))
                    .hasMessageContaining("permission denied");

            s.execute(
                    "SELECT set_config('assure.partnership', '', false), set_config('assure.every_partnership', 'on', false)");
            assertThat(count(s, "SELECT count(*) FROM plan WHERE partnership_id IN (" + a + ", " + b + ")"))
                    .isEqualTo(2);
        }
        assertThat(jdbc.sql("SELECT count(*) FROM plan WHERE title = 'Changed'")
                        .query(Long.class)
                        .single())
                .isZero();
    }

    private static long count(Statement statement, String sql) throws SQLException {
        try (var rs = statement.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void twoStepCannotBeOnWithoutASecret() {
        long p = partnership("E");
        long user =
                jdbc.sql("""
                INSERT INTO app_user (partnership_id, external_id, email, display_name, role)
                VALUES (?, ?, 'two-step@test.local', 'T', 'LEAD') RETURNING id""").params(p, ExternalIds.next()).query(Long.class).single();

        assertThatThrownBy(() -> jdbc.sql("UPDATE app_user SET two_step_enabled_at = now() WHERE id = ?")
                        .param(user)
                        .update())
                .hasMessageContaining("ck_app_user_two_step_secret");
    }

    private static long partnership(String name) {
        return jdbc.sql("INSERT INTO partnership (external_id, name) VALUES (?, ?) RETURNING id")
                .params(ExternalIds.next(), name)
                .query(Long.class)
                .single();
    }
}
