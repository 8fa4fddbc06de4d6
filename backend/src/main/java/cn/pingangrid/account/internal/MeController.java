package cn.pingangrid.account.internal;

import java.util.List;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.pingangrid.account.Role;
import cn.pingangrid.scope.AreaScope;
import cn.pingangrid.system.CodeName;

/** Who is signed in and what area they answer for (the map frames it); and the CSRF cookie for the page. */
@RestController
class MeController {

    /** The signed-in user: names, roles with their Chinese names, and the area they answer for. */
    record Me(String username, String displayName, String unit, List<CodeName> roles, Area area) {
    }

    record Area(boolean wholeTown, List<String> villages, List<String> grids) {
    }

    record Csrf(String headerName, String cookieName) {
    }

    @GetMapping("/api/me")
    Me me(Authentication authentication) {
        SignedInUser user = (SignedInUser) authentication.getPrincipal();
        AreaScope scope = AreaScope.of(user.getAuthorities());
        return new Me(user.getUsername(), user.displayName(), user.unit(), user.getAuthorities().stream()
                .map(a -> a.getAuthority()).filter(a -> a.startsWith("ROLE_")).map(a -> Role.valueOf(a.substring(5)))
                .map(r -> new CodeName(r.name(), r.label())).toList(),
                new Area(scope.wholeTown(), List.copyOf(scope.villages()), List.copyOf(scope.grids())));
    }

    /**
     * Makes sure the {@code XSRF-TOKEN} cookie is set; the page sends its value back in the
     * {@code X-XSRF-TOKEN} header on every change.
     */
    @GetMapping("/api/csrf")
    Csrf csrf(CsrfToken token) {
        token.getToken(); // the token is created lazily: reading it writes the cookie
        return new Csrf(token.getHeaderName(), "XSRF-TOKEN");
    }
}
