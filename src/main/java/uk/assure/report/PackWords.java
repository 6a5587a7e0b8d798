package uk.assure.report;

import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Component;
import uk.assure.plan.Rag;
import uk.assure.system.Message;

/** The words of messages.properties for what is drawn or written outside a page: the chart's PNG and the .docx. */
@Component
class PackWords {

    private final MessageSource messages;

    PackWords(MessageSource messages) {
        this.messages = messages;
    }

    String of(MessageSourceResolvable message) {
        return message == null ? "" : messages.getMessage(message, Locale.UK);
    }

    String rag(Rag rag) {
        return of(Message.of(rag.key()));
    }

    List<String> ragNames() {
        return BoardPack.rags().stream().map(this::rag).toList();
    }

    String noAgency() {
        return of(Message.of("dashboard.noAgency"));
    }
}
