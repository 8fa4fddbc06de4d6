package cn.pingangrid.account.internal;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.security.core.Authentication;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.pingangrid.scope.AreaScope;
import cn.pingangrid.account.Role;

/** Who is signed in and what area they answer for (the map frames it); and the CSRF cookie for the page. */
@RestController
class MeController {

    @GetMapping("/api/me")
    Map<String, Object> me(Authentication authentication) {
        SignedInUser user = (SignedInUser) authentication.getPrincipal();
        AreaScope scope = AreaScope.of(user.getAuthorities());
        Map<String, Object> me = new LinkedHashMap<>();
        me.put("username", user.getUsername());
        me.put("displayName", user.displayName());
        me.put("unit", user.unit());
        me.put("roles", user.getAuthorities().stream().map(a -> a.getAuthority())
                .filter(a -> a.startsWith("ROLE_")).map(a -> Role.valueOf(a.substring(5)))
                .map(r -> Map.of("code", r.name(), "name", r.label())).toList());
        Map<String, Object> area = new LinkedHashMap<>();
        area.put("wholeTown", scope.wholeTown());
        area.put("villages", List.copyOf(scope.villages()));
        area.put("grids", List.copyOf(scope.grids()));
        me.put("area", area);
        return me;
    }

    /**
     * Makes sure the {@code XSRF-TOKEN} cookie is set; the page sends its value back in the
     * {@code X-XSRF-TOKEN} header on every change.
     */
    @GetMapping("/api/csrf")
    Map<String, String> csrf(CsrfToken token) {
        token.getToken(); // the token is created lazily: reading it writes the cookie
        return Map.of("headerName", token.getHeaderName(), "cookieName", "XSRF-TOKEN");
    }
}
