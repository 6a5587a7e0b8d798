package uk.assure.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.provider.Arguments;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;
import uk.assure.support.TestDatabase;

/**
 * The lists filter, sort and count by {@link RagSql#RANK} in PostgreSQL and show {@link RagCalculator}'s reason:
 * the two must give every action the same rating. Each case of {@code RagCalculatorTest}, and a sweep of generated
 * ones around every edge the rules have, is written as a row and rated both ways.
 */
class RagSqlIT {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalDate TODAY = LocalDate.of(2019, 4, 15);
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2019-04-15T09:30:00Z"), LONDON);

    private static JdbcClient jdbc;

    @BeforeAll
    static void aTableShapedLikeAction() {
        SingleConnectionDataSource one = new SingleConnectionDataSource(TestDatabase.newDatabase(), true);
        jdbc = JdbcClient.create(one);
        jdbc.sql("""
                CREATE TABLE rag_case (
                    id bigint PRIMARY KEY, status text NOT NULL, completion text, current_due_date date,
                    current_due_precision text NOT NULL, off_track_since date, last_update_at timestamptz,
                    created_at timestamptz NOT NULL)""").update();
    }

    @Test
    void everyCaseOfTheCalculatorsTestIsRatedAlikeInSql() {
        List<RagInput> inputs = new ArrayList<>();
        Map<RagInput, Rag> expected = new HashMap<>();
        Stream.concat(RagCalculatorTest.cases(), RagCalculatorTest.honestCases())
                .map(Arguments::get)
                .forEach(args -> {
                    RagInput input = args[1] instanceof RagInput given
                            ? given
                            : new RagInput((ActionStatus) args[1], (DueDate) args[2], (LocalDate) args[3]);
                    inputs.add(input);
                    expected.put(input, (Rag) args[args.length - 2]);
                });
        assertThat(inputs).hasSizeGreaterThan(40);

        for (RagSettings settings : List.of(RagSettings.defaults(), new RagSettings(7, 14))) {
            Map<Integer, Rag> sql = rateInSql(inputs, settings);
            RagCalculator calculator = new RagCalculator(CLOCK, settings);
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(sql.get(i))
                        .as("case %s with %s", inputs.get(i), settings)
                        .isEqualTo(calculator.assessOn(TODAY, inputs.get(i)).rag());
                if (settings.equals(RagSettings.defaults())) {
                    assertThat(sql.get(i)).isEqualTo(expected.get(inputs.get(i)));
                }
            }
        }
    }

    @Test
    void aSweepAroundEveryEdgeIsRatedAlike() {
        Random random = new Random(13);
        List<RagInput> inputs = new ArrayList<>();
        DuePrecision[] precisions = DuePrecision.values();
        for (int n = 0; n < 3000; n++) {
            ActionStatus status = ActionStatus.values()[random.nextInt(ActionStatus.values().length)];
            Completion completion = random.nextBoolean() ? Completion.CLAIMED : Completion.CONFIRMED;
            DuePrecision precision = precisions[random.nextInt(precisions.length)];
            DueDate due = random.nextInt(4) == 0
                    ? (random.nextBoolean() ? null : new DueDate(null, null, precision, null, null, null))
                    : new DueDate(null, TODAY.plusDays(random.nextInt(80) - 40), precision, null, null, null);
            LeadJudgement offTrack =
                    random.nextInt(4) == 0 ? new LeadJudgement(null, TODAY.minusDays(random.nextInt(30))) : null;
            LocalDate active = TODAY.minusDays(random.nextInt(40) + (random.nextBoolean() ? 40 : 0));
            inputs.add(new RagInput(status, completion, due, due, 0, null, offTrack, active));
        }
        for (RagSettings settings : List.of(RagSettings.defaults(), new RagSettings(3, 45), new RagSettings(0, 0))) {
            Map<Integer, Rag> sql = rateInSql(inputs, settings);
            RagCalculator calculator = new RagCalculator(CLOCK, settings);
            for (int i = 0; i < inputs.size(); i++) {
                assertThat(sql.get(i))
                        .as("case %s with %s", inputs.get(i), settings)
                        .isEqualTo(calculator.assessOn(TODAY, inputs.get(i)).rag());
            }
        }
    }

    /** Each input written as an action row (its last activity at half past midnight in London), rated by SQL. */
    private static Map<Integer, Rag> rateInSql(List<RagInput> inputs, RagSettings settings) {
        jdbc.sql("DELETE FROM rag_case").update();
        for (int i = 0; i < inputs.size(); i++) {
            RagInput in = inputs.get(i);
            DueDate due = in.currentDue();
            Timestamp active = Timestamp.from(
                    in.lastActivity().atTime(0, 30).atZone(LONDON).toInstant());
            boolean updated = i % 2 == 0;
            jdbc.sql("INSERT INTO rag_case VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                    .params(
                            i,
                            in.status().name(),
                            in.completion() == null ? null : in.completion().name(),
                            due == null ? null : due.date(),
                            due == null
                                    ? DuePrecision.UNKNOWN.name()
                                    : due.precision().name(),
                            in.offTrack() == null ? null : in.offTrack().since(),
                            updated ? active : null,
                            updated ? Timestamp.from(Instant.parse("2000-01-01T00:00:00Z")) : active)
                    .update();
        }
        Map<Integer, Rag> rated = new HashMap<>();
        jdbc.sql("SELECT a.id, " + RagSql.RANK + " FROM rag_case a")
                .params(RagSql.params(TODAY, LONDON, settings))
                .query(rs -> {
                    rated.put(rs.getInt(1), Rag.values()[rs.getInt(2)]);
                });
        return rated;
    }
}
