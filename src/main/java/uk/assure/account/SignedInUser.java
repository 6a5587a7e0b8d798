package uk.assure.account;

import java.util.Collection;
import java.util.List;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;
import uk.assure.system.Actor;

/**
 * The person behind a request. Every query a page makes is scoped to {@link #partnershipId()}; nothing a page
 * receives from the browser chooses the partnership.
 */
public record SignedInUser(
        long userId,
        String externalId,
        long partnershipId,
        String email,
        String displayName,
        String passwordHash,
        Role role,
        Long agencyId,
        boolean enabled)
        implements UserDetails, Actor {

    @Override
    public Collection<? extends GrantedAuthority> getAuthorities() {
        return List.of(new SimpleGrantedAuthority("ROLE_" + role.name()));
    }

    @Override
    public String getPassword() {
        return passwordHash;
    }

    @Override
    public String getUsername() {
        return email;
    }

    @Override
    public boolean isEnabled() {
        return enabled;
    }

    /** The same person without the password's hash: what a session keeps (sessions are stored in the database). */
    public SignedInUser withoutPassword() {
        return passwordHash == null
                ? this
                : new SignedInUser(
                        userId, externalId, partnershipId, email, displayName, null, role, agencyId, enabled);
    }

    @Override
    public String toString() {
        return "SignedInUser[" + externalId + ", " + role + "]";
    }
}
