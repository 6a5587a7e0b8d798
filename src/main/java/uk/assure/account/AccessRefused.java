package uk.assure.account;

import uk.assure.system.Message;
import uk.assure.system.MessageException;

/** A signed-in person asked for something their role does not allow; the message says why, in their words. */
public class AccessRefused extends MessageException {

    public AccessRefused(Message message) {
        super(message);
    }
}
