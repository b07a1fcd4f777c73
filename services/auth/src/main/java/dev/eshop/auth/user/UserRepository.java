package dev.eshop.auth.user;

import dev.eshop.platform.web.paging.PageQuery;
import dev.eshop.platform.web.paging.PageResult;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The {@code users} table. */
@Repository
public class UserRepository {

    /** Filters of the admins' user list; null means "any". */
    record Filter(Role role, Boolean enabled, String q) {
    }

    // Serializes changes to the set of enabled admins (last-admin rule, bootstrap admin).
    private static final long ADMIN_SET_LOCK = 0x6573686f70_02L;

    private static final Map<String, String> SORT_COLUMNS = Map.of("created_at", "created_at", "email", "email", "name", "lower(name)");

    private static final RowMapper<UserAccount> ACCOUNT = (rs, n) -> new UserAccount(rs.getObject("id", UUID.class),
            rs.getString("email"), rs.getString("name"), rs.getString("password_hash"), Role.valueOf(rs.getString("role")),
            rs.getBoolean("enabled"), rs.getInt("failed_login_count"), instant(rs.getTimestamp("locked_until")),
            rs.getObject("created_by", UUID.class), instant(rs.getTimestamp("password_changed_at")),
            instant(rs.getTimestamp("last_login_at")), instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("updated_at")));

    private final JdbcClient jdbc;

    UserRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public Optional<UserAccount> find(UUID id) {
        return jdbc.sql("SELECT * FROM users WHERE id = ?").param(id).query(ACCOUNT).optional();
    }

    /** By an address already normalized ({@link Emails#normalize}). */
    public Optional<UserAccount> findByEmail(String email) {
        return jdbc.sql("SELECT * FROM users WHERE email = ?").param(email).query(ACCOUNT).optional();
    }

    PageResult<User> list(Filter filter, PageQuery page) {
        StringBuilder where = new StringBuilder(" WHERE true");
        List<Object> params = new ArrayList<>();
        if (filter.role() != null) {
            where.append(" AND role = ?");
            params.add(filter.role().name());
        }
        if (filter.enabled() != null) {
            where.append(" AND enabled = ?");
            params.add(filter.enabled());
        }
        if (filter.q() != null && !filter.q().isBlank()) {
            where.append(" AND (email LIKE ? ESCAPE '\\' OR lower(name) LIKE ? ESCAPE '\\')");
            String pattern = "%" + filter.q().strip().toLowerCase(Locale.ROOT).replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%";
            params.add(pattern);
            params.add(pattern);
        }
        String order = SORT_COLUMNS.get(page.sort().field()) + (page.sort().ascending() ? " ASC" : " DESC") + ", id";
        List<Object> pageParams = new ArrayList<>(params);
        pageParams.add(page.limit());
        pageParams.add(page.offset());
        // list(), not stream(): outside a transaction an unclosed stream keeps its connection from the pool for good.
        List<User> items = jdbc.sql("SELECT * FROM users" + where + " ORDER BY " + order + " LIMIT ? OFFSET ?")
                .params(pageParams).query(ACCOUNT).list().stream().map(UserAccount::view).toList();
        long total = jdbc.sql("SELECT count(*) FROM users" + where).params(params).query(Long.class).single();
        return PageResult.of(items, page, total);
    }

    void insert(UserAccount user) {
        jdbc.sql("""
                        INSERT INTO users (id, email, name, password_hash, role, enabled, failed_login_count, created_by,
                                           password_changed_at, created_at, updated_at)
                        VALUES (?, ?, ?, ?, ?, ?, 0, ?, ?, ?, ?)""")
                .params(user.id(), user.email(), user.name(), user.passwordHash(), user.role().name(), user.enabled(),
                        user.createdBy(), ts(user.passwordChangedAt()), ts(user.createdAt()), ts(user.updatedAt()))
                .update();
    }

    void rename(UUID id, String name, Instant now) {
        jdbc.sql("UPDATE users SET name = ?, updated_at = ? WHERE id = ?").params(name, ts(now), id).update();
    }

    void changePassword(UUID id, String hash, Instant now) {
        jdbc.sql("UPDATE users SET password_hash = ?, password_changed_at = ?, updated_at = ? WHERE id = ?")
                .params(hash, ts(now), ts(now), id).update();
    }

    /** A re-encoded hash of the same password (stronger settings); not a password change. */
    public void upgradePasswordHash(UUID id, String hash) {
        jdbc.sql("UPDATE users SET password_hash = ? WHERE id = ?").params(hash, id).update();
    }

    void setEnabled(UUID id, boolean enabled, Instant now) {
        jdbc.sql("UPDATE users SET enabled = ?, updated_at = ? WHERE id = ?").params(enabled, ts(now), id).update();
    }

    /** In the caller's transaction: waits for other changes of the admin set to finish. */
    void lockAdminSet() {
        jdbc.sql("SELECT true FROM pg_advisory_xact_lock(?)").param(ADMIN_SET_LOCK).query(Boolean.class).single();
    }

    boolean anyAdmin() {
        return jdbc.sql("SELECT EXISTS (SELECT 1 FROM users WHERE role = 'ADMIN')").query(Boolean.class).single();
    }

    int enabledAdmins() {
        return jdbc.sql("SELECT count(*) FROM users WHERE role = 'ADMIN' AND enabled").query(Integer.class).single();
    }

    /**
     * Counts a wrong password for this address and locks the account for {@code lockFor} once
     * {@code maxFailures} failures are in a row. A lock that has run out starts a new series.
     * Unknown addresses change nothing.
     */
    public void recordFailedLogin(String email, Instant now, int maxFailures, Duration lockFor) {
        jdbc.sql("""
                        WITH counted AS (
                            SELECT id, CASE WHEN locked_until IS NOT NULL AND locked_until <= :now THEN 1
                                            ELSE failed_login_count + 1 END AS failures
                            FROM users WHERE email = :email FOR UPDATE)
                        UPDATE users u SET failed_login_count = c.failures,
                               locked_until = CASE WHEN c.failures >= :max THEN :until
                                                   WHEN u.locked_until <= :now THEN NULL
                                                   ELSE u.locked_until END
                        FROM counted c WHERE u.id = c.id""")
                .param("now", ts(now)).param("email", email).param("max", maxFailures).param("until", ts(now.plus(lockFor)))
                .update();
    }

    public void recordSuccessfulLogin(UUID id, Instant now) {
        jdbc.sql("UPDATE users SET failed_login_count = 0, locked_until = NULL, last_login_at = ? WHERE id = ?")
                .params(ts(now), id).update();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
