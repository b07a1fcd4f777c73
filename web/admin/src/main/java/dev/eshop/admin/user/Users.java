package dev.eshop.admin.user;

import dev.eshop.admin.site.ResultPage;
import dev.eshop.platform.webapp.client.ServiceClients;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.Map;
import java.util.UUID;

/** User accounts at auth: the list, creating an admin, and disabling or enabling an account. */
@Component
class Users {

    private static final ParameterizedTypeReference<ResultPage<User>> PAGE = new ParameterizedTypeReference<>() {
    };

    private final RestClient auth;

    Users(ServiceClients clients) {
        this.auth = clients.create("auth");
    }

    /** {@code role}: CUSTOMER or ADMIN; {@code enabled}: null for both; {@code q}: part of the name or e-mail. */
    ResultPage<User> list(String role, Boolean enabled, String q, int page, int size, String sort) {
        return auth.get().uri(builder -> {
            builder.path("/v1/users").queryParam("page", page).queryParam("size", size).queryParam("sort", sort);
            if (role != null) {
                builder.queryParam("role", role);
            }
            if (enabled != null) {
                builder.queryParam("enabled", enabled);
            }
            builder.queryParam("q", "{q}");
            return builder.build(q == null ? "" : q.strip());
        }).retrieve().body(PAGE);
    }

    User get(UUID id) {
        return auth.get().uri("/v1/users/{id}", id).retrieve().body(User.class);
    }

    User createAdmin(NewAdmin admin, String idempotencyKey) {
        return auth.post().uri("/v1/users/admins").header("Idempotency-Key", idempotencyKey).body(admin).retrieve().body(User.class);
    }

    /** Refused with 422 for yourself ({@code cannot-disable-self}) and for the last admin ({@code last-admin}). */
    User setEnabled(UUID id, boolean enabled) {
        return auth.patch().uri("/v1/users/{id}", id).body(Map.of("enabled", enabled)).retrieve().body(User.class);
    }

    record NewAdmin(String email, String name, String password) {
    }
}
