package uk.assure.report;

import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import uk.assure.system.ExternalIds;

/** Issued packs, kept as the board received them: written once (V22 refuses a change), read back byte for byte. */
@Repository
class IssuedPacks {

    private final JdbcClient jdbc;

    IssuedPacks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An issued pack as it is listed; {@code planIds} are the plans it covers, for deciding who may open it. */
    public record Issued(
            String externalId,
            Instant issuedAt,
            String issuedBy,
            LocalDate nextMeeting,
            String comparedWith,
            List<String> planIds) {}

    /** The files of an issued pack. */
    record Files(Issued pack, String html, byte[] pdf, byte[] docx) {}

    String store(
            long partnershipId,
            Instant at,
            long byUserId,
            String byName,
            Long comparedWith,
            long ownSnapshot,
            LocalDate nextMeeting,
            List<String> planIds,
            String html,
            byte[] pdf,
            byte[] docx) {
        String externalId = ExternalIds.next();
        jdbc.sql("""
                INSERT INTO board_pack (partnership_id, external_id, issued_at, issued_by, issued_by_name, compared_with,
                    own_snapshot_id, next_meeting, plan_ids, html, pdf, docx)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        partnershipId,
                        externalId,
                        Timestamp.from(at),
                        byUserId,
                        byName,
                        comparedWith,
                        ownSnapshot,
                        nextMeeting,
                        planIds.toArray(String[]::new),
                        html.getBytes(StandardCharsets.UTF_8),
                        pdf,
                        docx)
                .update();
        return externalId;
    }

    List<Issued> list(long partnershipId) {
        return jdbc.sql(SELECT + " WHERE b.partnership_id = ? ORDER BY b.issued_at DESC, b.id DESC")
                .param(partnershipId)
                .query((rs, n) -> issued(rs))
                .list();
    }

    Optional<Files> files(long partnershipId, String externalId) {
        return jdbc.sql(SELECT.replace("SELECT ", "SELECT b.html, b.pdf, b.docx, ")
                        + " WHERE b.partnership_id = ? AND b.external_id = ?")
                .params(partnershipId, externalId)
                .query((rs, n) -> new Files(
                        issued(rs),
                        new String(rs.getBytes("html"), StandardCharsets.UTF_8),
                        rs.getBytes("pdf"),
                        rs.getBytes("docx")))
                .optional();
    }

    private static final String SELECT = """
            SELECT b.external_id, b.issued_at, b.issued_by_name, b.next_meeting, s.name AS compared_with, b.plan_ids
            FROM board_pack b LEFT JOIN report_snapshot s ON s.id = b.compared_with""";

    private static Issued issued(ResultSet rs) throws SQLException {
        return new Issued(
                rs.getString("external_id"),
                rs.getTimestamp("issued_at").toInstant(),
                rs.getString("issued_by_name"),
                rs.getObject("next_meeting", LocalDate.class),
                rs.getString("compared_with"),
                Arrays.asList((String[]) rs.getArray("plan_ids").getArray()));
    }
}
