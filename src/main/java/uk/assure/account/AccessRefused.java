package uk.assure.account;

/** A signed-in person asked for something their role does not allow; the message says why, in their words. */
public class AccessRefused extends RuntimeException {

    public AccessRefused(String message) {
        super(message);
    }
}
