package uk.assure.account;

import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import uk.assure.system.Scope;

@Service
class AssureUserDetailsService implements UserDetailsService {

    private final UserRepository users;

    AssureUserDetailsService(UserRepository users) {
        this.users = users;
    }

    @Override
    public UserDetails loadUserByUsername(String email) {
        // the email says which partnership; until it is found, the lookup is about none in particular
        return Scope.everyPartnership(() -> users.findByEmail(email))
                .orElseThrow(() -> new UsernameNotFoundException("No such account"));
    }
}
