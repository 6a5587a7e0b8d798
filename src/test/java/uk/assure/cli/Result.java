package uk.assure.cli;

import java.io.PrintWriter;
import java.io.StringWriter;

/** What a command printed and how it exited, run in-process as {@code java -jar assure.jar ARGS} would run it. */
record Result(int exit, String out, String err) {

    static Result run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = AssureCommand.run(args, new PrintWriter(out), new PrintWriter(err));
        return new Result(exit, out.toString(), err.toString());
    }
}
