package dev.eshop.auth.server;

import dev.eshop.auth.AuthSettings;
import dev.eshop.auth.user.UserAccount;
import dev.eshop.auth.user.UserRepository;
import dev.eshop.platform.web.security.EshopSecurityProperties;
import org.springframework.security.oauth2.core.AuthorizationGrantType;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.oidc.OidcUserInfo;
import org.springframework.security.oauth2.core.oidc.endpoint.OidcParameterNames;
import org.springframework.security.oauth2.jwt.JwtClaimNames;
import org.springframework.security.oauth2.server.authorization.OAuth2TokenType;
import org.springframework.security.oauth2.server.authorization.oidc.authentication.OidcUserInfoAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.token.JwtEncodingContext;
import org.springframework.security.oauth2.server.authorization.token.OAuth2TokenCustomizer;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What the tokens and {@code /userinfo} say (spec/services.md §1.2). A user's tokens carry their
 * e-mail, name and roles as they are in the database at the moment of issue, so a refresh shows a
 * new name, and a disabled user gets no new tokens ({@code invalid_grant}). Access tokens are for
 * the Eshop services ({@code aud} = {@code eshop.security.audience}); ID tokens stay for the client.
 * <p>
 * Claim values are mutable JDK collections: the stored authorization is read back with Jackson's
 * allow-list of types, which has {@code ArrayList} but not {@code List.of(..)}'s classes.
 */
@Component
class TokenClaims implements OAuth2TokenCustomizer<JwtEncodingContext> {

    private final UserRepository users;
    private final AuthSettings settings;
    private final String audience;

    TokenClaims(UserRepository users, AuthSettings settings, EshopSecurityProperties security) {
        this.users = users;
        this.settings = settings;
        this.audience = security.audience();
    }

    @Override
    public void customize(JwtEncodingContext context) {
        boolean accessToken = OAuth2TokenType.ACCESS_TOKEN.equals(context.getTokenType());
        boolean idToken = OidcParameterNames.ID_TOKEN.equals(context.getTokenType().getValue());
        if (accessToken && !audience.isBlank()) {
            context.getClaims().audience(new ArrayList<>(List.of(audience)));
        }
        if (AuthorizationGrantType.CLIENT_CREDENTIALS.equals(context.getAuthorizationGrantType())) {
            return; // a service: sub = client id, scope, no roles
        }
        UserAccount user = enabledUser(context.getPrincipal().getName())
                .orElseThrow(() -> new OAuth2AuthenticationException(new OAuth2Error(OAuth2ErrorCodes.INVALID_GRANT,
                        "The user's account is disabled.", null)));
        context.getClaims()
                .claim("email", user.email())
                .claim("name", user.name())
                .claim(settings.rolesClaim(), new ArrayList<>(List.of(user.role().name())));
        if (idToken) {
            context.getClaims().claims(claims -> {
                Instant issuedAt = (Instant) claims.get(JwtClaimNames.IAT);
                claims.put(JwtClaimNames.EXP, issuedAt.plus(settings.idTokenTtl()));
            });
        }
    }

    /** {@code /userinfo}: sub, email, name, roles, read fresh. */
    OidcUserInfo userInfo(OidcUserInfoAuthenticationContext context) {
        UserAccount user = enabledUser(context.getAuthorization().getPrincipalName())
                .orElseThrow(() -> new OAuth2AuthenticationException(OAuth2ErrorCodes.INVALID_TOKEN));
        return OidcUserInfo.builder()
                .subject(user.id().toString())
                .email(user.email())
                .name(user.name())
                .claim(settings.rolesClaim(), List.of(user.role().name()))
                .build();
    }

    private Optional<UserAccount> enabledUser(String principalName) {
        try {
            return users.find(UUID.fromString(principalName)).filter(UserAccount::enabled);
        }
        catch (IllegalArgumentException notAUserId) {
            return Optional.empty();
        }
    }
}
