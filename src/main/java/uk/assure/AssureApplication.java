package uk.assure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import uk.assure.cli.AssureCommand;

@SpringBootApplication
public class AssureApplication {

    /** With a command (`assure parse FILE`, `assure import FILE`) runs it; with none, starts the web app. */
    public static void main(String[] args) {
        if (AssureCommand.handles(args)) {
            System.exit(AssureCommand.run(args));
        }
        SpringApplication.run(AssureApplication.class, args);
    }
}
