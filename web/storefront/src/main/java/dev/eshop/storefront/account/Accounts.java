package dev.eshop.storefront.account;

import dev.eshop.platform.webapp.client.ServiceClients;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.UUID;

/** The signed-in user's account at auth. */
@Component
class Accounts {

    private final RestClient auth;

    Accounts(ServiceClients clients) {
        this.auth = clients.create("auth");
    }

    Account mine() {
        return auth.get().uri("/v1/users/me").retrieve().body(Account.class);
    }

    Account rename(String name) {
        return auth.patch().uri("/v1/users/me").body(new NameChange(name)).retrieve().body(Account.class);
    }

    record Account(UUID id, String email, String name) {
    }

    record NameChange(String name) {
    }
}
