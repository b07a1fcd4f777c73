package dev.eshop.auth;

import dev.eshop.platform.testing.AuthorizationMatrix;
import dev.eshop.platform.local.CodeFlowLogin;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import java.util.UUID;
import java.util.stream.Stream;

/**
 * Who may call what, for every endpoint auth maps, with real tokens: two customers who signed up
 * and signed in through the code flow, the bootstrap admin signed in with the admin client, and
 * cart's client-credentials token. The pages take no bearer tokens: a POST without the page's CSRF
 * token is refused whoever sends it, and the account page wants a sign-in session.
 */
class AuthAuthorizationMatrixTest extends AuthTestSupport {

    @Autowired
    ApplicationContext context;

    @TestFactory
    Stream<DynamicTest> whoMayCallWhat() {
        Customer alice = newCustomer("Alice Matrix");
        Customer bob = newCustomer("Bob Matrix");
        String admin = signInAdmin().accessToken();
        String cart = CodeFlowLogin.clientCredentials(issuer(), "cart-service", CART_SECRET);
        UUID nobody = UUID.randomUUID();

        return AuthorizationMatrix.at(port())
                .tokens(null, alice.tokens().accessToken(), bob.tokens().accessToken(), admin, cart)
                //                                                         anonymous  A    B  admin service
                .row("POST /v1/users", "{}",                                    400, 400, 400, 400, 400)
                .row("GET /v1/users/me",                                        401, 200, 200, 200, 403)
                .row("PATCH /v1/users/me", "{}",                                401, 400, 400, 400, 403)
                .row("PUT /v1/users/me/password", "{}",                         401, 400, 400, 400, 403)
                .row("GET /v1/users",                                           401, 403, 403, 200, 403)
                .row("GET /v1/users/" + alice.id(),                             401, 403, 403, 200, 403)
                .row("GET /v1/users/" + nobody,                                 401, 403, 403, 404, 403)
                .row("POST /v1/users/admins", "{}",                             401, 403, 403, 400, 403)
                .row("PATCH /v1/users/" + alice.id(), "{}",                     401, 403, 403, 400, 403)
                .row("PATCH /v1/users/" + nobody, "{\"enabled\": true}",        401, 403, 403, 404, 403)
                .row("POST /v1/signing-keys/rotate",                            401, 403, 403, 200, 403)
                .row("GET /userinfo",                                           401, 200, 200, 200, 403)
                .row("GET /v3/api-docs",                                        200, 200, 200, 200, 200)
                .row("GET /actuator/health/readiness",                          200, 200, 200, 200, 200)
                .row("GET /",                                                   302, 302, 302, 302, 302)
                .row("GET /login",                                              200, 200, 200, 200, 200)
                .row("GET /register",                                           200, 200, 200, 200, 200)
                .row("POST /register", "{}",                                    403, 403, 403, 403, 403)
                .row("GET /account/password",                                   302, 302, 302, 302, 302)
                .row("POST /account/password", "{}",                           403, 403, 403, 403, 403)
                .coveringEveryEndpointOf(context)
                .tests();
    }
}
