package uk.assure.cli;

import org.springframework.boot.SpringApplication;
import uk.assure.AssureApplication;

/** The jar's entry point: with a command (`assure parse FILE`, `assure import FILE`) runs it; with none, the app. */
public final class Main {

    private Main() {}

    public static void main(String[] args) {
        if (AssureCommand.handles(args)) {
            System.exit(AssureCommand.run(args));
        }
        SpringApplication.run(AssureApplication.class, args);
    }
}
