package uk.assure.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections that carry this thread's {@link Scope}: the two session settings that the row-level
 * security policies read. Every hand-out sets both, so a pooled connection never keeps the last borrower's scope.
 */
final class ScopedDataSource extends DelegatingDataSource {

    ScopedDataSource(DataSource pool) {
        super(pool);
    }

    @Override
    public Connection getConnection() throws SQLException {
        return scoped(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return scoped(super.getConnection(username, password));
    }

    private static Connection scoped(Connection connection) throws SQLException {
        Scope scope = Scope.current();
        try (PreparedStatement set = connection.prepareStatement(
                "SELECT set_config('assure.partnership', ?, false), set_config('assure.every_partnership', ?, false)")) {
            set.setString(1, scope.partnershipSetting());
            set.setString(2, scope.everyPartnershipSetting());
            set.execute();
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
