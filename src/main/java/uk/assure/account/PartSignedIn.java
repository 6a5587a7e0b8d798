package uk.assure.account;

import java.util.List;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

/**
 * A session signed in part way: the password was right, and a second step is still to come. It holds the user, so
 * the step's page knows whose code to check, but no role: only the authority of its step.
 */
final class PartSignedIn extends AbstractAuthenticationToken {

    private final SignedInUser user;
    private final TwoStepSignIn.Stage stage;

    PartSignedIn(SignedInUser user, TwoStepSignIn.Stage stage) {
        super(List.of(new SimpleGrantedAuthority(stage.authority())));
        this.user = user;
        this.stage = stage;
        setAuthenticated(true);
    }

    TwoStepSignIn.Stage stage() {
        return stage;
    }

    @Override
    public Object getCredentials() {
        return null;
    }

    @Override
    public SignedInUser getPrincipal() {
        return user;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof PartSignedIn p && p.stage == stage && p.user.equals(user);
    }

    @Override
    public int hashCode() {
        return user.hashCode() * 31 + stage.hashCode();
    }
}
