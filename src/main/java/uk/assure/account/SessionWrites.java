package uk.assure.account;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.session.config.SessionRepositoryCustomizer;
import org.springframework.session.jdbc.JdbcIndexedSessionRepository;

/**
 * Sessions live in PostgreSQL so that any app node serves any request. Spring Session writes the session's last
 * access on every request, a page view included: a write, and a flush of PostgreSQL's log, for each page read. Here
 * the row is written only when something about the session changed or a minute has passed since its last access was
 * written, so an idle session may end up to a minute before its idle timeout. The statement keeps Spring Session's
 * parameters in its order (id, last access, idle limit, expiry, principal, row) and leaves the row alone otherwise.
 */
@Configuration(proxyBeanMethods = false)
class SessionWrites {

    /** How stale a session's recorded last access may be before a request writes it again, in milliseconds. */
    static final long LAST_ACCESS_PRECISION_MILLIS = 60_000;

    static final String UPDATE_SESSION_QUERY = """
            UPDATE %TABLE_NAME% t
            SET SESSION_ID = v.session_id, LAST_ACCESS_TIME = v.last_access, MAX_INACTIVE_INTERVAL = v.max_inactive,
                EXPIRY_TIME = v.expiry, PRINCIPAL_NAME = v.principal
            FROM (SELECT CAST(? AS varchar) AS session_id, CAST(? AS bigint) AS last_access,
                         CAST(? AS int) AS max_inactive, CAST(? AS bigint) AS expiry,
                         CAST(? AS varchar) AS principal) v
            WHERE t.PRIMARY_ID = ?
              AND (t.SESSION_ID <> v.session_id OR t.MAX_INACTIVE_INTERVAL <> v.max_inactive
                   OR t.PRINCIPAL_NAME IS DISTINCT FROM v.principal
                   OR v.last_access - t.LAST_ACCESS_TIME >= """ + LAST_ACCESS_PRECISION_MILLIS + ")";

    @Bean
    SessionRepositoryCustomizer<JdbcIndexedSessionRepository> fewerSessionWrites() {
        return repository -> repository.setUpdateSessionQuery(UPDATE_SESSION_QUERY);
    }
}
