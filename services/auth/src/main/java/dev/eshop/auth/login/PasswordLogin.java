package dev.eshop.auth.login;

import dev.eshop.auth.AuthSettings;
import dev.eshop.auth.user.Emails;
import dev.eshop.auth.user.UserAccount;
import dev.eshop.auth.user.UserRepository;
import org.springframework.security.authentication.AccountStatusException;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.util.Optional;
import java.util.UUID;

/**
 * Sign-in with e-mail and password. The principal is named by the user's id (so the session, the
 * authorizations and the tokens' {@code sub} all carry the UUID), while users type their e-mail.
 * <p>
 * Unknown address, wrong password, disabled and locked account all fail, and all take the time of
 * one password hash, so neither the page nor the clock tells which. Wrong passwords count towards
 * the lock ({@code eshop.auth.login.max-failures} in a row lock the account for {@code lock-duration});
 * while locked, even the right password fails. A success resets the count.
 */
@Component
public class PasswordLogin implements AuthenticationProvider {

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final AuthSettings.Login settings;
    private final DaoAuthenticationProvider delegate;

    PasswordLogin(UserRepository users, PasswordEncoder passwords, Clock clock, AuthSettings settings) {
        this.users = users;
        this.passwords = passwords;
        this.clock = clock;
        this.settings = settings.login();
        this.delegate = new DaoAuthenticationProvider(this::loadByEmail);
        delegate.setPasswordEncoder(passwords);
        // A hash made with older settings is replaced by one with the current settings.
        delegate.setUserDetailsPasswordService((user, newHash) -> {
            users.upgradePasswordHash(UUID.fromString(user.getUsername()), newHash);
            return user;
        });
    }

    @Override
    public Authentication authenticate(Authentication authentication) {
        String email = Emails.normalize(authentication.getName());
        try {
            Authentication result = delegate.authenticate(authentication);
            users.recordSuccessfulLogin(UUID.fromString(result.getName()), clock.instant());
            return result;
        }
        catch (BadCredentialsException e) {
            users.recordFailedLogin(email, clock.instant(), settings.maxFailures(), settings.lockDuration());
            throw e;
        }
        catch (AccountStatusException e) {
            // Disabled and locked accounts are refused before the password is checked; hash anyway, for equal timing.
            Optional<UserAccount> account = users.findByEmail(email);
            account.ifPresent(user -> passwords.matches(String.valueOf(authentication.getCredentials()), user.passwordHash()));
            throw e;
        }
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    private UserDetails loadByEmail(String email) {
        UserAccount user = users.findByEmail(Emails.normalize(email)).orElseThrow(() -> new UsernameNotFoundException("no such user"));
        return org.springframework.security.core.userdetails.User.withUsername(user.id().toString())
                .password(user.passwordHash())
                .roles(user.role().name())
                .disabled(!user.enabled())
                .accountLocked(user.lockedAt(clock.instant()))
                .build();
    }
}
