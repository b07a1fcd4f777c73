package dev.eshop.auth.user;

import dev.eshop.auth.user.UserRepository.Filter;
import dev.eshop.auth.user.UserRequests.EnabledChange;
import dev.eshop.auth.user.UserRequests.NameChange;
import dev.eshop.auth.user.UserRequests.PasswordChange;
import dev.eshop.auth.user.UserRequests.Registration;
import dev.eshop.platform.web.idempotency.Idempotent;
import dev.eshop.platform.web.paging.PageQuery;
import dev.eshop.platform.web.paging.PageResult;
import dev.eshop.platform.web.paging.Sortable;
import dev.eshop.platform.web.security.CurrentUser;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

import java.net.URI;
import java.util.UUID;

/** The user API (spec/services.md §1.3); who may call what is in AccessRules. */
@RestController
@RequestMapping("/v1/users")
@Tag(name = "Users", description = "Sign-up, the signed-in user's account, and user administration")
class UserController {

    private final UserService service;
    private final UserRepository users;

    UserController(UserService service, UserRepository users) {
        this.service = service;
        this.users = users;
    }

    @PostMapping
    ResponseEntity<User> register(@Valid @RequestBody Registration registration) {
        return created(service.register(registration));
    }

    @GetMapping("/me")
    User me() {
        return service.get(CurrentUser.id());
    }

    @PatchMapping("/me")
    User rename(@Valid @RequestBody NameChange change) {
        return service.rename(CurrentUser.id(), change.name());
    }

    @PutMapping("/me/password")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void changePassword(@Valid @RequestBody PasswordChange change) {
        service.changePassword(CurrentUser.id(), change);
    }

    @GetMapping
    PageResult<User> list(@RequestParam(required = false) Role role, @RequestParam(required = false) Boolean enabled,
                          @RequestParam(required = false) String q,
                          @Sortable(value = {"created_at", "email", "name"}, byDefault = "created_at,desc") PageQuery page) {
        return users.list(new Filter(role, enabled, q), page);
    }

    @GetMapping("/{id}")
    User get(@PathVariable UUID id) {
        return service.get(id);
    }

    @PostMapping("/admins")
    @Idempotent
    ResponseEntity<User> createAdmin(@Valid @RequestBody Registration registration) {
        return created(service.createAdmin(registration, CurrentUser.id()));
    }

    @PatchMapping("/{id}")
    User setEnabled(@PathVariable UUID id, @Valid @RequestBody EnabledChange change) {
        return service.setEnabled(CurrentUser.id(), id, change.enabled());
    }

    private static ResponseEntity<User> created(User user) {
        URI location = ServletUriComponentsBuilder.fromCurrentContextPath().path("/v1/users/{id}").buildAndExpand(user.id()).toUri();
        return ResponseEntity.created(location).body(user);
    }
}
