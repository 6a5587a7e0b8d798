package uk.assure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * The Spring application: every feature package below this one. The jar starts at {@code cli.Main}, which runs a
 * command when given one and this application otherwise; nothing here knows about the commands.
 */
@SpringBootApplication
public class AssureApplication {

    /** Starts the web app (the jar's own entry point, {@code cli.Main}, also takes commands). */
    public static void main(String[] args) {
        SpringApplication.run(AssureApplication.class, args);
    }
}
