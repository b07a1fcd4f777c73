package dev.eshop.auth;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import java.time.Duration;

/**
 * {@code eshop.auth.*} (spec/services.md §1.5). The client secrets and the signing-key encryption
 * secret have no default: auth refuses to start without them.
 *
 * @param issuer          the issuer identifier ({@code iss}) and the base of every OIDC URL
 * @param accessTokenTtl  lifetime of a user's access token
 * @param idTokenTtl      lifetime of an ID token
 * @param refreshTokenTtl lifetime of a refresh token (a new one comes with every refresh)
 * @param serviceTokenTtl lifetime of a client-credentials token
 * @param rolesClaim      the claim the roles are written to
 */
@ConfigurationProperties("eshop.auth")
@Validated
public record AuthSettings(@DefaultValue("http://localhost:9000") @NotBlank String issuer,
                           @DefaultValue("10m") Duration accessTokenTtl,
                           @DefaultValue("10m") Duration idTokenTtl,
                           @DefaultValue("8h") Duration refreshTokenTtl,
                           @DefaultValue("5m") Duration serviceTokenTtl,
                           @DefaultValue("roles") @NotBlank String rolesClaim,
                           @DefaultValue @Valid Password password,
                           @DefaultValue @Valid Login login,
                           @DefaultValue BootstrapAdmin bootstrapAdmin,
                           @DefaultValue @Valid Clients clients,
                           @DefaultValue @Valid SigningKey signingKey) {

    /** The longest password accepted (bcrypt reads 72 bytes; the limit keeps hashing cheap). */
    public static final int MAX_PASSWORD_LENGTH = 128;

    /** @param minLength the shortest password accepted */
    public record Password(@DefaultValue("12") @Min(8) int minLength) {
    }

    /**
     * @param maxFailures  failed sign-ins in a row that lock an account
     * @param lockDuration how long a locked account stays locked
     */
    public record Login(@DefaultValue("5") @Min(1) int maxFailures, @DefaultValue("15m") Duration lockDuration) {
    }

    /** The first admin, created at startup while no admin exists; all empty = none. */
    public record BootstrapAdmin(String email, @DefaultValue("Administrator") String name, String password) {

        public boolean configured() {
            return email != null && !email.isBlank() && password != null && !password.isBlank();
        }
    }

    public record Clients(@DefaultValue @Valid WebClient storefront,
                          @DefaultValue @Valid WebClient admin,
                          @DefaultValue @Valid ServiceClient cartService,
                          @DefaultValue @Valid ServiceClient orderService) {
    }

    /**
     * A web app signing users in with the authorization-code flow.
     *
     * @param baseUrl where the app is reached; its redirect and post-logout URIs are derived from it
     */
    public record WebClient(@NotBlank String baseUrl, @NotBlank(message = "must be set (the client's secret)") String secret) {
    }

    public record ServiceClient(@NotBlank(message = "must be set (the client's secret)") String secret) {
    }

    /** @param encryptionSecret encrypts the private keys stored in {@code signing_key} */
    public record SigningKey(@NotBlank(message = "must be set (it encrypts the stored signing keys)") String encryptionSecret) {
    }
}
