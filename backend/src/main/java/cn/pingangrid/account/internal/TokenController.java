package cn.pingangrid.account.internal;

import java.util.List;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import cn.pingangrid.account.internal.AccessTokens.TokenView;

/**
 * The signed-in user's personal access tokens: list, create (the token is in this one answer and never again) and
 * revoke. Creating and revoking need a browser session (a token is read-only).
 */
@RestController
@RequestMapping("/api/me/tokens")
class TokenController {

    private final AccessTokens tokens;

    TokenController(AccessTokens tokens) {
        this.tokens = tokens;
    }

    record NewToken(String name, String expiresOn) {
    }

    @GetMapping
    List<TokenView> list(Authentication authentication) {
        return tokens.list(authentication.getName());
    }

    @PostMapping
    ResponseEntity<TokenView> create(@RequestBody NewToken request, Authentication authentication) {
        return ResponseEntity.status(HttpStatus.CREATED).cacheControl(CacheControl.noStore())
                .body(tokens.create(authentication.getName(), request.name(), request.expiresOn()));
    }

    @DeleteMapping("/{id}")
    ResponseEntity<Void> revoke(@PathVariable long id, Authentication authentication) {
        tokens.revoke(authentication.getName(), id);
        return ResponseEntity.noContent().build();
    }
}
