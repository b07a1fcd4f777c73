package dev.eshop.auth.server;

import dev.eshop.auth.AuthSettings;
import dev.eshop.auth.AuthSettings.WebClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.ClientAuthenticationMethod;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.security.oauth2.server.authorization.settings.ClientSettings;
import org.springframework.security.oauth2.server.authorization.settings.TokenSettings;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.util.List;
import java.util.UUID;

/**
 * The four clients of spec/services.md §1.2, created or updated from the settings at every start
 * (found by client_id, so their ids, and the authorizations that point at them, stay). A secret is
 * hashed again only when the configured one no longer matches the stored hash.
 */
@Component
class RegisteredClients implements SmartInitializingSingleton {

    static final String STOREFRONT = "storefront";
    static final String ADMIN = "admin";
    static final String CART_SERVICE = "cart-service";
    static final String ORDER_SERVICE = "order-service";

    /** The path the web apps (Spring Security OAuth2 client, registration id "eshop") receive the code on. */
    static final String REDIRECT_PATH = "/login/oauth2/code/eshop";

    private static final Logger log = LoggerFactory.getLogger(RegisteredClients.class);

    // Replicas starting together take turns, so none inserts a client another has just inserted.
    private static final long CLIENTS_LOCK = 0x6573686f70_03L;

    private final RegisteredClientRepository clients;
    private final PasswordEncoder passwords;
    private final TransactionTemplate transactions;
    private final JdbcClient jdbc;
    private final AuthSettings settings;

    RegisteredClients(RegisteredClientRepository clients, PasswordEncoder passwords, TransactionTemplate transactions,
                      JdbcClient jdbc, AuthSettings settings) {
        this.clients = clients;
        this.passwords = passwords;
        this.transactions = transactions;
        this.jdbc = jdbc;
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        AuthSettings.Clients configured = settings.clients();
        transactions.executeWithoutResult(status -> {
            jdbc.sql("SELECT true FROM pg_advisory_xact_lock(?)").param(CLIENTS_LOCK).query(Boolean.class).single();
            for (RegisteredClient client : List.of(
                    webApp(STOREFRONT, "Eshop storefront", configured.storefront()),
                    webApp(ADMIN, "Eshop admin", configured.admin()),
                    service(CART_SERVICE, "Cart service", configured.cartService().secret(), "orders.create"),
                    service(ORDER_SERVICE, "Order service", configured.orderService().secret(),
                            "products.read", "stock.reserve", "shipping.quote"))) {
                clients.save(client);
            }
        });
        log.info("Registered clients {}, {}, {}, {}; web apps at {} and {}", STOREFRONT, ADMIN, CART_SERVICE, ORDER_SERVICE,
                configured.storefront().baseUrl(), configured.admin().baseUrl());
    }

    /** A server-side web app signing users in: confidential, PKCE required, refresh tokens rotated, no consent screen. */
    private RegisteredClient webApp(String clientId, String name, WebClient app) {
        String base = app.baseUrl().replaceAll("/+$", "");
        return existingOrNew(clientId, app.secret())
                .clientName(name)
                .clientAuthenticationMethods(methods -> {
                    methods.clear();
                    methods.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
                })
                .authorizationGrantTypes(grants -> {
                    grants.clear();
                    grants.add(AuthorizationGrantType.AUTHORIZATION_CODE);
                    grants.add(AuthorizationGrantType.REFRESH_TOKEN);
                })
                .redirectUris(uris -> {
                    uris.clear();
                    uris.add(base + REDIRECT_PATH);
                })
                .postLogoutRedirectUris(uris -> {
                    uris.clear();
                    uris.add(base + "/");
                })
                .scopes(scopes -> {
                    scopes.clear();
                    scopes.addAll(List.of(OidcScopes.OPENID, OidcScopes.PROFILE, OidcScopes.EMAIL));
                })
                .clientSettings(ClientSettings.builder().requireProofKey(true).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder()
                        .accessTokenTimeToLive(settings.accessTokenTtl())
                        .refreshTokenTimeToLive(settings.refreshTokenTtl())
                        .reuseRefreshTokens(false)
                        .idTokenSignatureAlgorithm(SignatureAlgorithm.RS256)
                        .build())
                .build();
    }

    /** Another service calling with its own identity: client credentials, the scopes it needs, short-lived tokens. */
    private RegisteredClient service(String clientId, String name, String secret, String... scopes) {
        return existingOrNew(clientId, secret)
                .clientName(name)
                .clientAuthenticationMethods(methods -> {
                    methods.clear();
                    methods.add(ClientAuthenticationMethod.CLIENT_SECRET_BASIC);
                    methods.add(ClientAuthenticationMethod.CLIENT_SECRET_POST);
                })
                .authorizationGrantTypes(grants -> {
                    grants.clear();
                    grants.add(AuthorizationGrantType.CLIENT_CREDENTIALS);
                })
                .redirectUris(uris -> uris.clear())
                .postLogoutRedirectUris(uris -> uris.clear())
                .scopes(set -> {
                    set.clear();
                    set.addAll(List.of(scopes));
                })
                .clientSettings(ClientSettings.builder().requireProofKey(false).requireAuthorizationConsent(false).build())
                .tokenSettings(TokenSettings.builder().accessTokenTimeToLive(settings.serviceTokenTtl()).build())
                .build();
    }

    private RegisteredClient.Builder existingOrNew(String clientId, String secret) {
        RegisteredClient existing = clients.findByClientId(clientId);
        if (existing == null) {
            return RegisteredClient.withId(UUID.randomUUID().toString()).clientId(clientId).clientSecret(passwords.encode(secret));
        }
        boolean sameSecret = existing.getClientSecret() != null && passwords.matches(secret, existing.getClientSecret());
        return RegisteredClient.from(existing).clientSecret(sameSecret ? existing.getClientSecret() : passwords.encode(secret));
    }
}
