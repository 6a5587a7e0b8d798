package uk.assure.system;

/** No such record in this partnership: also what another partnership's record looks like from here. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what) {
        super(what + " not found");
    }
}
