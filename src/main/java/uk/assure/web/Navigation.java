package uk.assure.web;

import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Component;

/**
 * What the header offers the person signed in, worked out once a page from their authorities: the layout reads
 * {@code @navigation.of(#authentication)} where it once asked Spring Security eight expressions, each parsed again on
 * every page.
 */
@Component("navigation")
public class Navigation {

    /** Which menu the header shows, and which of its items. */
    public record Menu(
            boolean partnership, boolean viewer, boolean admin, boolean operator, boolean partWay, boolean signedIn) {
        static final Menu NONE = new Menu(false, false, false, false, false, false);
    }

    public Menu of(Authentication authentication) {
        if (authentication == null
                || authentication instanceof AnonymousAuthenticationToken
                || !authentication.isAuthenticated()) {
            return Menu.NONE;
        }
        Set<String> held = authentication.getAuthorities().stream()
                .map(GrantedAuthority::getAuthority)
                .collect(Collectors.toSet());
        boolean viewer = held.contains("ROLE_VIEWER");
        boolean admin = held.contains("ROLE_ADMIN");
        return new Menu(
                admin || viewer || held.contains("ROLE_LEAD") || held.contains("ROLE_BOARD"),
                viewer,
                admin,
                held.contains("ROLE_OPERATOR"),
                held.contains("TWO_STEP_CODE") || held.contains("TWO_STEP_SET_UP"),
                true);
    }
}
