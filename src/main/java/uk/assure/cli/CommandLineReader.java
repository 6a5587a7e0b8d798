package uk.assure.cli;

import java.io.PrintWriter;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.context.ConfigurableApplicationContext;
import uk.assure.account.Role;
import uk.assure.account.SignedInUser;
import uk.assure.partnership.PartnershipDirectory;
import uk.assure.system.Scope;

/**
 * How {@code assure export} and {@code assure report} read a partnership: whoever runs the server's command line
 * reads as that partnership's admin would (every plan), scoped to the one partnership chosen by name (default: the
 * first), and writes nothing but the file asked for.
 */
final class CommandLineReader {

    private CommandLineReader() {}

    static <T> Optional<T> asAdminOf(
            ConfigurableApplicationContext app,
            String partnership,
            String command,
            PrintWriter err,
            Function<SignedInUser, T> work) {
        PartnershipDirectory directory = app.getBean(PartnershipDirectory.class);
        var found = Scope.everyPartnership(
                () -> partnership == null ? directory.firstPartnership() : directory.findPartnership(partnership));
        if (found.isEmpty()) {
            err.println(
                    "assure " + command + ": no partnership" + (partnership == null ? "" : " called " + partnership));
            err.flush();
            return Optional.empty();
        }
        long id = found.get().id();
        SignedInUser reader = new SignedInUser(
                0, "command-line", id, "command-line", "assure " + command, null, Role.ADMIN, null, true);
        try (var scope = Scope.partnership(id)) {
            return Optional.ofNullable(work.apply(reader));
        }
    }
}
