package uk.assure.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class StatusVocabularyTest {

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Completed             | COMPLETED
            Complete              | COMPLETED
            Done                  | COMPLETED
            Achieved              | COMPLETED
            Work underway         | IN_PROGRESS
            Underway              | IN_PROGRESS
            In progress           | IN_PROGRESS
            On track              | IN_PROGRESS
            Behind schedule       | IN_PROGRESS
            Ongoing               | IN_PROGRESS
            Started               | IN_PROGRESS
            Partially complete    | IN_PROGRESS
            Partially completed   | IN_PROGRESS
            Delayed               | IN_PROGRESS
            At risk               | IN_PROGRESS
            Outstanding           | NOT_STARTED
            Not started           | NOT_STARTED
            Not yet started       | NOT_STARTED
            Planned               | NOT_STARTED
            To do                 | NOT_STARTED
            Closed                | CLOSED
            Superseded            | SUPERSEDED
            Replaced              | SUPERSEDED
            R                     | IN_PROGRESS
            A                     | IN_PROGRESS
            G                     | IN_PROGRESS
            B                     | COMPLETED
            C                     | COMPLETED
            Red                   | IN_PROGRESS
            Amber                 | IN_PROGRESS
            Green                 | IN_PROGRESS
            Blue                  | COMPLETED
            """)
    void everyWord(String word, ActionStatus expected) {
        assertThat(StatusVocabulary.interpret(word)).contains(expected);
        assertThat(StatusVocabulary.read(word)).contains(new StatusVocabulary.Reading(expected, word));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            Completed Further independent review of the service was completed in June 2010 | COMPLETED
            Work underway External trainer identified                                        | IN_PROGRESS
            Completed. Audit report to board 12/05                                           | COMPLETED
            Partially completed - two of three sites trained                                 | IN_PROGRESS
            Not yet started: awaiting funding                                                | NOT_STARTED
            On track (see minutes)                                                           | IN_PROGRESS
            Superseded by action 4.2                                                         | SUPERSEDED
            Closed, merged with the neglect strategy                                         | CLOSED
            Done 3 March                                                                     | COMPLETED
            Delayed, new date agreed                                                         | IN_PROGRESS
            """)
    void progressCellsWithTrailingNarrative(String cell, ActionStatus expected) {
        assertThat(StatusVocabulary.interpret(cell)).contains(expected);
    }

    @Test
    void keepsThePlansOwnWordAsWrittenForDisplay() {
        assertThat(StatusVocabulary.read("  Work   underway External trainer identified"))
                .contains(new StatusVocabulary.Reading(ActionStatus.IN_PROGRESS, "Work underway"));
        assertThat(StatusVocabulary.read("COMPLETED Further review June 2010"))
                .contains(new StatusVocabulary.Reading(ActionStatus.COMPLETED, "COMPLETED"));
        assertThat(StatusVocabulary.read("partially Complete"))
                .contains(new StatusVocabulary.Reading(ActionStatus.IN_PROGRESS, "partially Complete"));
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            completed              | COMPLETED
            COMPLETED              | COMPLETED
            '  Completed  '        | COMPLETED
            work UNDERWAY          | IN_PROGRESS
            'Work    underway'     | IN_PROGRESS
            'not   yet   started'  | NOT_STARTED
            In-progress            | IN_PROGRESS
            in_progress            | IN_PROGRESS
            '  r '                 | IN_PROGRESS
            b                      | COMPLETED
            AMBER                  | IN_PROGRESS
            blue                   | COMPLETED
            """)
    void caseAndWhitespaceDoNotMatter(String cell, ActionStatus expected) {
        assertThat(StatusVocabulary.interpret(cell)).contains(expected);
    }

    @Test
    void toleratesLineBreaksAndNonBreakingSpaces() {
        assertThat(StatusVocabulary.interpret("\n\tIn\u00A0progress\nTraining booked"))
                .contains(ActionStatus.IN_PROGRESS);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(
            strings = {
                "   ",
                "Awaiting sign-off",
                "See section 4",
                "X",
                "D",
                "Completely rewritten guidance",
                "Donella to chase",
                "Greenwich team leading",
                "Redesigned the referral form",
                "Starter packs issued",
                "A review was held in May",
                "B team to lead",
                "Training in progress",
                "2019-03-31"
            })
    void anythingElseIsUnknown(String cell) {
        assertThat(StatusVocabulary.interpret(cell)).isEmpty();
    }

    @ParameterizedTest(name = "\"{0}\" -> {1}")
    @CsvSource(delimiter = '|', textBlock = """
            R                      | RED
            A                      | AMBER
            G                      | GREEN
            Red                    | RED
            Amber                  | AMBER
            Green                  | GREEN
            Behind schedule        | RED
            On track               | GREEN
            ' g '                  | GREEN
            RED                    | RED
            amber - slipping       | AMBER
            on track for March     | GREEN
            'behind   schedule'    | RED
            """)
    void declaredRag(String word, Rag expected) {
        assertThat(StatusVocabulary.declaredRag(word)).contains(expected);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"Blue", "B", "C", "Completed", "In progress", "Delayed", "At risk", "Amberley", "Ready"})
    void declaredRagIsOnlyRedAmberOrGreen(String word) {
        assertThat(StatusVocabulary.declaredRag(word)).isEqualTo(Optional.empty());
    }
}
