package uk.assure.system;

/**
 * The app will not start, for a reason the operator can act on: what is wrong, and what to do about it. Spring Boot
 * prints the two as its "APPLICATION FAILED TO START" report ({@link StartRefusedAnalyzer}), not as a stack trace.
 */
public final class StartRefused extends IllegalStateException {

    private static final long serialVersionUID = 1L;

    private final String action;

    StartRefused(String description, String action) {
        super(description + " " + action);
        this.action = action;
    }

    /** What the operator should do. */
    public String action() {
        return action;
    }

    /** What is wrong, without the action. */
    public String description() {
        String message = getMessage();
        return message.substring(0, message.length() - action.length() - 1);
    }
}
