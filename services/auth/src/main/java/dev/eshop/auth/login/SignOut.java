package dev.eshop.auth.login;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.session.FindByIndexNameSessionRepository;
import org.springframework.stereotype.Component;

import java.util.UUID;

/** Signs a user out everywhere: their authorizations (refresh tokens) and their sign-in sessions, on every replica. */
@Component
public class SignOut {

    private final JdbcClient jdbc;
    private final FindByIndexNameSessionRepository<?> sessions;

    SignOut(JdbcClient jdbc, FindByIndexNameSessionRepository<?> sessions) {
        this.jdbc = jdbc;
        this.sessions = sessions;
    }

    public void everywhere(UUID userId) {
        String principal = userId.toString();
        jdbc.sql("DELETE FROM oauth2_authorization WHERE principal_name = ?").param(principal).update();
        sessions.findByPrincipalName(principal).keySet().forEach(sessions::deleteById);
    }
}
