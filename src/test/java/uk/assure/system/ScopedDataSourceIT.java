package uk.assure.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import uk.assure.support.TestDatabase;

/**
 * One pooled connection lent in turn to requests of different partnerships: each borrower gets its own scope, and
 * a borrower in the scope the connection already has costs no statement.
 */
class ScopedDataSourceIT {

    SingleConnectionDataSource one;
    ScopedDataSource scoped;

    @BeforeEach
    void oneConnection() {
        one = new SingleConnectionDataSource(TestDatabase.newDatabase(), true);
        scoped = new ScopedDataSource(one);
    }

    @AfterEach
    void close() {
        one.destroy();
    }

    @Test
    void eachBorrowerSeesItsOwnScopeOnTheSameConnection() throws SQLException {
        assertThat(Scope.partnership(1, () -> settings())).isEqualTo("1|off");
        assertThat(Scope.partnership(2, () -> settings())).isEqualTo("2|off");
        assertThat(Scope.everyPartnership(() -> settings())).isEqualTo("|on");
        assertThat(settings()).as("no scope: no partnership's rows").isEqualTo("|off");
        assertThat(Scope.partnership(2, () -> settings())).isEqualTo("2|off");
    }

    @Test
    void theSameScopeAgainSendsNothing() throws SQLException {
        Scope.partnership(7, () -> settings());
        // written behind the data source's back (nothing in the app does this): lent again in the same scope, the
        // connection keeps it, which shows no statement was sent; lent in another scope, it is written again
        try (Connection c = one.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SELECT set_config('assure.partnership', 'untouched', false)");
        }
        assertThat(Scope.partnership(7, () -> settings())).isEqualTo("untouched|off");
        assertThat(Scope.partnership(8, () -> settings())).isEqualTo("8|off");
    }

    private String settings() {
        try (Connection c = scoped.getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("""
                        SELECT coalesce(current_setting('assure.partnership', true), ''),
                               coalesce(current_setting('assure.every_partnership', true), '')""")) {
            r.next();
            return r.getString(1) + "|" + r.getString(2);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
