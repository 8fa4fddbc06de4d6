package cn.pingangrid.account.internal;

import java.util.List;

import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import cn.pingangrid.account.internal.AccountAdministration.NewUser;
import cn.pingangrid.account.internal.AccountAdministration.PasswordReset;
import cn.pingangrid.account.internal.AccountAdministration.UserChange;

/** Account administration's HTTP API, for ADMIN (guarded by the security configuration). */
@RestController
@RequestMapping("/api/admin/users")
class AccountAdminController {

    private final AccountAdministration administration;

    AccountAdminController(AccountAdministration administration) {
        this.administration = administration;
    }

    @GetMapping
    List<AccountView> list() {
        return administration.list();
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    AccountView create(@Valid @RequestBody NewUser request) {
        return administration.create(request);
    }

    @PatchMapping("/{id}")
    AccountView change(@PathVariable long id, @Valid @RequestBody UserChange request) {
        return administration.change(id, request);
    }

    @PostMapping("/{id}/password")
    AccountView resetPassword(@PathVariable long id, @Valid @RequestBody PasswordReset request) {
        return administration.resetPassword(id, request);
    }
}
