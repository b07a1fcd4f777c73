package dev.eshop.auth.user;

import dev.eshop.auth.login.SignOut;
import dev.eshop.auth.user.UserRequests.PasswordChange;
import dev.eshop.auth.user.UserRequests.Registration;
import dev.eshop.platform.web.Ids;
import dev.eshop.platform.web.problem.DuplicateException;
import dev.eshop.platform.web.problem.InvalidFieldsException;
import dev.eshop.platform.web.problem.NotFoundException;
import dev.eshop.platform.web.problem.RuleViolatedException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Accounts: sign-up (always a customer), admins created by admins, name and password changes,
 * and disabling, which signs the user out everywhere.
 */
@Service
public class UserService {

    public static final String DUPLICATE_EMAIL = "This e-mail is already registered.";

    public static final String WRONG_CURRENT_PASSWORD = "wrong-current-password";

    private final UserRepository users;
    private final PasswordEncoder passwords;
    private final SignOut signOut;
    private final Clock clock;

    UserService(UserRepository users, PasswordEncoder passwords, SignOut signOut, Clock clock) {
        this.users = users;
        this.passwords = passwords;
        this.signOut = signOut;
        this.clock = clock;
    }

    /** A customer signing up: whatever else the request carried, the role is CUSTOMER. */
    @Transactional
    public User register(Registration registration) {
        return create(registration, Role.CUSTOMER, null);
    }

    @Transactional
    public User createAdmin(Registration registration, UUID createdBy) {
        return create(registration, Role.ADMIN, createdBy);
    }

    /** The first admin, from configuration; the caller holds the admin-set lock. */
    User createBootstrapAdmin(String email, String name, String password) {
        return insert(Emails.normalize(email), name.strip(), password, Role.ADMIN, null);
    }

    private User create(Registration registration, Role role, UUID createdBy) {
        String email = Emails.normalize(registration.email());
        if (registration.password().equalsIgnoreCase(email)) {
            throw new InvalidFieldsException("password", "must not be the e-mail address");
        }
        if (users.findByEmail(email).isPresent()) {
            throw new DuplicateException("email", DUPLICATE_EMAIL);
        }
        return insert(email, registration.name().strip(), registration.password(), role, createdBy);
    }

    private User insert(String email, String name, String password, Role role, UUID createdBy) {
        Instant now = clock.instant();
        UserAccount account = new UserAccount(Ids.newId(), email, name, passwords.encode(password), role, true, 0, null,
                createdBy, now, null, now, now);
        try {
            users.insert(account);
        }
        catch (DuplicateKeyException e) {
            throw new DuplicateException("email", DUPLICATE_EMAIL);
        }
        return account.view();
    }

    public User get(UUID id) {
        return account(id).view();
    }

    @Transactional
    public User rename(UUID id, String name) {
        account(id);
        users.rename(id, name.strip(), clock.instant());
        return get(id);
    }

    /** 422 {@value #WRONG_CURRENT_PASSWORD} when the current password is not the user's. */
    @Transactional
    public void changePassword(UUID id, PasswordChange change) {
        UserAccount user = account(id);
        if (!passwords.matches(change.currentPassword(), user.passwordHash())) {
            throw new RuleViolatedException(WRONG_CURRENT_PASSWORD, "The current password is not correct.");
        }
        if (change.newPassword().equalsIgnoreCase(user.email())) {
            throw new InvalidFieldsException("new_password", "must not be the e-mail address");
        }
        users.changePassword(id, passwords.encode(change.newPassword()), clock.instant());
    }

    /**
     * Enables or disables a user. Disabling ends the user's sign-in sessions and deletes their
     * authorizations (refresh tokens stop working); access tokens already issued run out by
     * themselves. Nobody disables themself, and the last enabled admin stays enabled.
     */
    @Transactional
    public User setEnabled(UUID caller, UUID id, boolean enabled) {
        users.lockAdminSet();
        UserAccount user = account(id);
        if (!enabled) {
            if (id.equals(caller)) {
                throw new RuleViolatedException("cannot-disable-self", "You cannot disable your own account.");
            }
            if (user.role() == Role.ADMIN && user.enabled() && users.enabledAdmins() <= 1) {
                throw new RuleViolatedException("last-admin", "You cannot disable the last admin.");
            }
        }
        users.setEnabled(id, enabled, clock.instant());
        if (!enabled) {
            signOut.everywhere(id);
        }
        return get(id);
    }

    private UserAccount account(UUID id) {
        return users.find(id).orElseThrow(() -> new NotFoundException("user", id));
    }
}
