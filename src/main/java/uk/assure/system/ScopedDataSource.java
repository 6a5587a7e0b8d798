package uk.assure.system;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;
import java.util.Map;
import java.util.WeakHashMap;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Hands out connections that carry this thread's {@link Scope}: the two session settings that the row-level
 * security policies read. Every hand-out makes both what this thread's scope says, so a pooled connection never keeps
 * the last borrower's scope; when they already are, nothing is sent.
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

    /**
     * The scope last written on each physical connection, so that a hand-out in the scope the connection already
     * has costs no round trip. Only this class writes the settings, always outside a transaction (autocommit, at
     * hand-out), so what it wrote stays written; a connection the pool replaces is a new key.
     */
    private static final Map<Object, String> WRITTEN = Collections.synchronizedMap(new WeakHashMap<>());

    private static Connection scoped(Connection connection) throws SQLException {
        Scope scope = Scope.current();
        String wanted = scope.partnershipSetting() + "|" + scope.everyPartnershipSetting();
        Object physical =
                connection.isWrapperFor(PGConnection.class) ? connection.unwrap(PGConnection.class) : connection;
        if (wanted.equals(WRITTEN.get(physical)) && connection.getAutoCommit()) {
            return connection;
        }
        WRITTEN.remove(physical);
        try (PreparedStatement set = connection.prepareStatement(
                "SELECT set_config('assure.partnership', ?, false), set_config('assure.every_partnership', ?, false)")) {
            set.setString(1, scope.partnershipSetting());
            set.setString(2, scope.everyPartnershipSetting());
            set.execute();
            if (connection.getAutoCommit()) {
                WRITTEN.put(physical, wanted);
            }
        } catch (SQLException | RuntimeException e) {
            connection.close();
            throw e;
        }
        return connection;
    }
}
