package uk.assure.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import uk.assure.support.English;

/** The ceilings on what an update may hold, from a page or the API: named by field, with the figures. */
class ProgressValidatorTest {

    @Test
    void aNarrativeUpToTheCeilingIsTakenAndOneCharacterMoreIsRefusedWithItsLength() {
        assertThatCode(() -> ProgressValidator.check(
                        ActionStatus.IN_PROGRESS,
                        ProgressEntry.note("a".repeat(ProgressValidator.NARRATIVE_MAX), ActionStatus.IN_PROGRESS)))
                .doesNotThrowAnyException();

        InvalidProgressException refused = catchThrowableOfType(
                InvalidProgressException.class,
                () -> ProgressValidator.check(
                        ActionStatus.IN_PROGRESS, ProgressEntry.note("a".repeat(20_001), ActionStatus.IN_PROGRESS)));

        assertThat(refused.errors()).singleElement().satisfies(e -> {
            assertThat(e.field()).isEqualTo("narrative");
            assertThat(English.of(e.message()))
                    .contains("20,000 characters or fewer", "it has 20,001", "evidence file");
        });
    }

    @Test
    void everyOverlongReasonAndAddressIsItsOwnFieldError() {
        String long2001 = "r".repeat(2_001);
        ProgressEntry entry = new ProgressEntry(
                "Done",
                ActionStatus.IN_PROGRESS,
                null,
                long2001,
                DueDate.exact(LocalDate.of(2027, 3, 31)),
                long2001,
                Rag.AMBER,
                long2001,
                "https://example.org/" + long2001);

        InvalidProgressException refused = catchThrowableOfType(
                InvalidProgressException.class, () -> ProgressValidator.check(ActionStatus.IN_PROGRESS, entry));

        assertThat(refused.errors())
                .extracting(InvalidProgressException.FieldError::field)
                .containsExactlyInAnyOrder("statusReason", "revisionReason", "declaredRagReason", "evidenceUrl");
    }
}
