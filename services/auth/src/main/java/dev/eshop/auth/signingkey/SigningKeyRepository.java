package dev.eshop.auth.signingkey;

import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;

/** The {@code signing_key} table. */
@Repository
class SigningKeyRepository {

    /** One row: the public JWK as JSON, the private JWK encrypted. */
    record StoredKey(String kid, String publicJwk, String privateKeyEncrypted, boolean active, Instant createdAt,
                     Instant retiredAt) {
    }

    // Serializes rotations; any constant shared by all replicas of auth.
    private static final long ROTATION_LOCK = 0x6573686f70_01L;

    private static final RowMapper<StoredKey> KEY = (rs, n) -> new StoredKey(rs.getString("kid"), rs.getString("public_jwk"),
            rs.getString("private_key_encrypted"), rs.getBoolean("active"), rs.getTimestamp("created_at").toInstant(),
            rs.getTimestamp("retired_at") == null ? null : rs.getTimestamp("retired_at").toInstant());

    private final JdbcClient jdbc;

    SigningKeyRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The active key first, then keys retired after {@code retiredAfter}, newest first. */
    List<StoredKey> published(Instant retiredAfter) {
        return jdbc.sql("""
                        SELECT * FROM signing_key WHERE active OR retired_at > ?
                        ORDER BY active DESC, created_at DESC""")
                .param(Timestamp.from(retiredAfter)).query(KEY).list();
    }

    /** Inserts the first active key unless another replica got there first; true if this one was stored. */
    boolean insertIfNoneActive(StoredKey key) {
        return jdbc.sql("""
                        INSERT INTO signing_key (kid, public_jwk, private_key_encrypted, active, created_at)
                        VALUES (?, ?, ?, true, ?) ON CONFLICT DO NOTHING""")
                .params(key.kid(), key.publicJwk(), key.privateKeyEncrypted(), Timestamp.from(key.createdAt()))
                .update() == 1;
    }

    /** In the caller's transaction: retires the active key and makes {@code key} the active one. */
    void replaceActive(StoredKey key, Instant now) {
        jdbc.sql("SELECT true FROM pg_advisory_xact_lock(?)").param(ROTATION_LOCK).query(Boolean.class).single();
        jdbc.sql("UPDATE signing_key SET active = false, retired_at = ? WHERE active").param(Timestamp.from(now)).update();
        jdbc.sql("""
                        INSERT INTO signing_key (kid, public_jwk, private_key_encrypted, active, created_at)
                        VALUES (?, ?, ?, true, ?)""")
                .params(key.kid(), key.publicJwk(), key.privateKeyEncrypted(), Timestamp.from(key.createdAt()))
                .update();
    }

    int deleteRetiredBefore(Instant before) {
        return jdbc.sql("DELETE FROM signing_key WHERE NOT active AND retired_at < ?").param(Timestamp.from(before)).update();
    }
}
