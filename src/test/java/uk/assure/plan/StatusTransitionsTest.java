package uk.assure.plan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import uk.assure.support.English;

class StatusTransitionsTest {

    @ParameterizedTest(name = "{0} -> {1}: allowed {2}, reason {3}")
    @CsvSource(textBlock = """
            # from,      to,          allowed, reason required
            NOT_STARTED, NOT_STARTED, true,    false
            NOT_STARTED, IN_PROGRESS, true,    false
            NOT_STARTED, COMPLETED,   true,    false
            NOT_STARTED, CLOSED,      true,    true
            NOT_STARTED, SUPERSEDED,  true,    true
            IN_PROGRESS, NOT_STARTED, false,   false
            IN_PROGRESS, IN_PROGRESS, true,    false
            IN_PROGRESS, COMPLETED,   true,    false
            IN_PROGRESS, CLOSED,      true,    true
            IN_PROGRESS, SUPERSEDED,  true,    true
            COMPLETED,   NOT_STARTED, false,   false
            COMPLETED,   IN_PROGRESS, true,    true
            COMPLETED,   COMPLETED,   true,    false
            COMPLETED,   CLOSED,      false,   false
            COMPLETED,   SUPERSEDED,  false,   false
            CLOSED,      NOT_STARTED, false,   false
            CLOSED,      IN_PROGRESS, false,   false
            CLOSED,      COMPLETED,   false,   false
            CLOSED,      CLOSED,      false,   false
            CLOSED,      SUPERSEDED,  false,   false
            SUPERSEDED,  NOT_STARTED, false,   false
            SUPERSEDED,  IN_PROGRESS, false,   false
            SUPERSEDED,  COMPLETED,   false,   false
            SUPERSEDED,  CLOSED,      false,   false
            SUPERSEDED,  SUPERSEDED,  false,   false
            """)
    void theWholeTable(ActionStatus from, ActionStatus to, boolean allowed, boolean reasonRequired) {
        assertThat(StatusTransitions.isAllowed(from, to)).isEqualTo(allowed);
        assertThat(StatusTransitions.requiresReason(from, to)).isEqualTo(reasonRequired);
        assertThat(StatusTransitions.next(from).contains(to)).isEqualTo(allowed);

        if (!allowed) {
            assertThatThrownBy(() -> StatusTransitions.check(from, to, "a good reason"))
                    .isInstanceOf(StatusTransitionException.class)
                    .satisfies(e -> assertThat(English.of(e))
                            .isEqualTo("An action that is " + from.label() + " cannot be moved to " + to.label()));
        } else if (reasonRequired) {
            for (String missing : Arrays.asList(null, "", "   ")) {
                assertThatThrownBy(() -> StatusTransitions.check(from, to, missing))
                        .isInstanceOf(StatusTransitionException.class)
                        .satisfies(e -> assertThat(English.of(e))
                                .isEqualTo("Give a reason for moving this action to " + to.label()));
            }
            assertThatCode(() -> StatusTransitions.check(from, to, "Merged into action 4.2"))
                    .doesNotThrowAnyException();
        } else {
            assertThatCode(() -> StatusTransitions.check(from, to, null)).doesNotThrowAnyException();
        }
    }

    @Test
    void messagesReadAsPlainEnglish() {
        assertThatThrownBy(() -> StatusTransitions.check(ActionStatus.CLOSED, ActionStatus.IN_PROGRESS, null))
                .isInstanceOf(StatusTransitionException.class)
                .satisfies(e ->
                        assertThat(English.of(e)).isEqualTo("An action that is Closed cannot be moved to In progress"))
                .satisfies(e -> {
                    StatusTransitionException refused = (StatusTransitionException) e;
                    assertThat(refused.from()).isEqualTo(ActionStatus.CLOSED);
                    assertThat(refused.to()).isEqualTo(ActionStatus.IN_PROGRESS);
                });
        assertThatThrownBy(() -> StatusTransitions.check(ActionStatus.IN_PROGRESS, ActionStatus.SUPERSEDED, " "))
                .satisfies(
                        e -> assertThat(English.of(e)).isEqualTo("Give a reason for moving this action to Superseded"));
        assertThatThrownBy(() -> StatusTransitions.check(ActionStatus.COMPLETED, ActionStatus.IN_PROGRESS, null))
                .satisfies(e ->
                        assertThat(English.of(e)).isEqualTo("Give a reason for moving this action to In progress"));
    }

    @ParameterizedTest
    @EnumSource(ActionStatus.class)
    void onlyClosedAndSupersededAreTerminal(ActionStatus status) {
        boolean terminal = status == ActionStatus.CLOSED || status == ActionStatus.SUPERSEDED;
        assertThat(status.isTerminal()).isEqualTo(terminal);
        assertThat(StatusTransitions.next(status).isEmpty()).isEqualTo(terminal);
    }

    @Test
    void labelsAreEnglish() {
        assertThat(Arrays.stream(ActionStatus.values()).map(ActionStatus::label))
                .containsExactly("Not started", "In progress", "Completed", "Closed", "Superseded");
        assertThat(Arrays.stream(ActionStatus.values()).filter(ActionStatus::isDone))
                .containsExactly(ActionStatus.COMPLETED, ActionStatus.CLOSED, ActionStatus.SUPERSEDED);
    }

    @Test
    void mermaidDrawsEveryAllowedEdgeAndNoOther() {
        String mermaid = StatusTransitions.mermaid();

        assertThat(mermaid).startsWith("stateDiagram-v2\n");
        long edges = 0;
        for (ActionStatus from : ActionStatus.values()) {
            assertThat(mermaid).contains("state \"" + from.label() + "\" as " + from.name());
            for (ActionStatus to : ActionStatus.values()) {
                String edge = "    " + from.name() + " --> " + to.name();
                if (StatusTransitions.isAllowed(from, to)) {
                    edges++;
                    assertThat(mermaid).contains(edge);
                    if (StatusTransitions.requiresReason(from, to)) {
                        assertThat(mermaid).contains(edge + " : reason required\n");
                    }
                } else {
                    assertThat(mermaid).doesNotContain(edge + "\n").doesNotContain(edge + " :");
                }
            }
        }
        assertThat(mermaid.lines().filter(l -> l.contains(" --> ") && !l.contains("[*]")))
                .hasSize((int) edges);
        assertThat(mermaid).contains("    CLOSED --> [*]", "    SUPERSEDED --> [*]");
    }
}
