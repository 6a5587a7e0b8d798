package uk.assure.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Clock;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import uk.assure.plan.Worklists;
import uk.assure.support.AppTest;

/**
 * The dashboard and an agency's actions are kept between requests ({@link PartnershipCache}): kept while nothing of
 * the partnership changes, made again after any committed change — one written by the app, by hand in SQL, or by a
 * transaction that was still running when the kept value was made — and never served on another day.
 */
@AppTest
class PartnershipCacheIT {

    @Autowired
    Worklists worklists;

    @Autowired
    PartnershipCache cache;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DataSource dataSource;

    @Autowired
    Clock clock;

    long partnership;
    LocalDate today;

    @BeforeEach
    void thePartnershipWithActions() {
        partnership = jdbc.sql(
                        "SELECT partnership_id FROM action GROUP BY partnership_id ORDER BY count(*) DESC LIMIT 1")
                .query(Long.class)
                .single();
        today = LocalDate.now(clock);
    }

    /** An open action due well ahead: one more overdue once its date is put in the past. */
    private long anActionDueLater() {
        return jdbc.sql("""
                        SELECT id FROM action WHERE partnership_id = ? AND status IN ('NOT_STARTED', 'IN_PROGRESS')
                          AND current_due_date > ? ORDER BY id LIMIT 1""")
                .params(partnership, today.plusDays(60))
                .query(Long.class)
                .single();
    }

    @Test
    void theDashboardIsKeptUntilAChangeIsCommitted() {
        Worklists.Dashboard first = worklists.dashboard(partnership, 15);
        long made = cache.made();

        assertThat(worklists.dashboard(partnership, 15)).isSameAs(first);
        assertThat(cache.made()).isEqualTo(made);

        jdbc.sql("UPDATE action SET current_due_date = ? WHERE id = ?")
                .params(today.minusDays(400), anActionDueLater())
                .update();
        Worklists.Dashboard after = worklists.dashboard(partnership, 15);

        assertThat(cache.made()).isEqualTo(made + 1);
        assertThat(after.overdueCount()).isEqualTo(first.overdueCount() + 1);
    }

    @Test
    void aChangeStillUncommittedWhenTheValueWasMadeIsSeenOnceCommitted() throws Exception {
        long action = anActionDueLater();
        try (Connection other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (PreparedStatement update =
                    other.prepareStatement("UPDATE action SET current_due_date = ? WHERE id = ?")) {
                update.setObject(1, today.minusDays(400));
                update.setLong(2, action);
                assertThat(update.executeUpdate()).isEqualTo(1);
            }
            // made while the update runs: it cannot see it
            Worklists.Dashboard during = worklists.dashboard(partnership, 15);
            assertThat(worklists.dashboard(partnership, 15)).isSameAs(during);

            other.commit();

            Worklists.Dashboard after = worklists.dashboard(partnership, 15);
            assertThat(after).isNotSameAs(during);
            assertThat(after.overdueCount()).isEqualTo(during.overdueCount() + 1);
        }
    }

    @Test
    void anotherPartnershipsChangeKeepsTheValue() {
        Worklists.Dashboard first = worklists.dashboard(partnership, 15);
        long made = cache.made();

        jdbc.sql("INSERT INTO partnership_change (partnership_id) VALUES (?)")
                .param(partnership + 1_000_000)
                .update();

        assertThat(worklists.dashboard(partnership, 15)).isSameAs(first);
        assertThat(cache.made()).isEqualTo(made);
    }

    @Test
    void anAgencysActionsAreKeptAndMadeAgainAfterAnUpdate() {
        long agency = jdbc.sql("""
                        SELECT l.agency_id FROM action_lead l JOIN action a ON a.id = l.action_id
                        WHERE a.partnership_id = ? AND l.agency_id IS NOT NULL
                        GROUP BY l.agency_id ORDER BY count(*) DESC LIMIT 1""").param(partnership).query(Long.class).single();
        Worklists.MyActions first = worklists.myActions(partnership, agency, 15);
        assertThat(worklists.myActions(partnership, agency, 15)).isSameAs(first);

        jdbc.sql("UPDATE agency SET name = name WHERE id = ?").param(agency).update();

        assertThat(worklists.myActions(partnership, agency, 15)).isNotSameAs(first);
    }

    @Test
    void aValueIsServedOnlyOnTheDayItWasMadeFor() {
        AtomicInteger made = new AtomicInteger();
        Object monday = cache.get(partnership, "a day's value", today, () -> "made " + made.incrementAndGet());
        Object again = cache.get(partnership, "a day's value", today, () -> "made " + made.incrementAndGet());
        Object tuesday =
                cache.get(partnership, "a day's value", today.plusDays(1), () -> "made " + made.incrementAndGet());

        assertThat(monday).isEqualTo("made 1");
        assertThat(again).isEqualTo("made 1");
        assertThat(tuesday).isEqualTo("made 2");
    }
}
