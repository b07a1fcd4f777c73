package dev.eshop.auth.user;

import dev.eshop.auth.AuthSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The first admin: created at startup from {@code eshop.auth.bootstrap-admin.*} while no admin
 * exists (once: later starts find it). Without one, every start warns, because nobody could
 * then create admins or manage users. Replicas starting together take turns on the admin-set lock.
 */
@Component
class BootstrapAdmin implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(BootstrapAdmin.class);

    private final UserRepository users;
    private final UserService service;
    private final TransactionTemplate transactions;
    private final AuthSettings settings;

    BootstrapAdmin(UserRepository users, UserService service, TransactionTemplate transactions, AuthSettings settings) {
        this.users = users;
        this.service = service;
        this.transactions = transactions;
        this.settings = settings;
    }

    @Override
    public void afterSingletonsInstantiated() {
        transactions.executeWithoutResult(status -> {
            users.lockAdminSet();
            if (users.anyAdmin()) {
                return;
            }
            AuthSettings.BootstrapAdmin admin = settings.bootstrapAdmin();
            if (!admin.configured()) {
                log.warn("There is no admin account and none is configured: set eshop.auth.bootstrap-admin.email and "
                        + ".password (ESHOP_AUTH_BOOTSTRAP_ADMIN_EMAIL, ..._PASSWORD) to create the first one");
                return;
            }
            String email = Emails.normalize(admin.email());
            if (users.findByEmail(email).isPresent()) {
                log.error("The bootstrap admin {} is already registered as a customer; roles never change, so no admin "
                        + "was created. Configure another e-mail address.", email);
                return;
            }
            if (admin.password().length() < settings.password().minLength()) {
                log.warn("The bootstrap admin's password is shorter than {} characters; change it after signing in",
                        settings.password().minLength());
            }
            service.createBootstrapAdmin(email, admin.name() == null || admin.name().isBlank() ? "Administrator" : admin.name(),
                    admin.password());
            log.info("Created the bootstrap admin {}", email);
        });
    }
}
