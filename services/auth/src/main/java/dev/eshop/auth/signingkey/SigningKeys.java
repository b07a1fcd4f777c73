package dev.eshop.auth.signingkey;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKMatcher;
import com.nimbusds.jose.jwk.JWKSelector;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.KeyUse;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.SecurityContext;
import dev.eshop.auth.AuthSettings;
import dev.eshop.auth.signingkey.SigningKeyRepository.StoredKey;
import dev.eshop.platform.web.Ids;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.security.crypto.encrypt.Encryptors;
import org.springframework.security.crypto.keygen.KeyGenerators;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Date;
import java.util.List;

/**
 * The RS256 keys tokens are signed with, kept in {@code signing_key} so that restarts and replicas
 * share them. Tokens are signed with the one active key; the JWKS publishes it and the keys retired
 * less than {@link #PUBLISHED_AFTER_RETIREMENT} ago, so tokens signed before a rotation verify
 * until they expire. Each replica caches the keys for a minute and reloads early when asked for a
 * key id it does not know (a rotation on another replica).
 */
@Component
public class SigningKeys implements JWKSource<SecurityContext>, SmartInitializingSingleton {

    /** Longer than any token lives. */
    public static final Duration PUBLISHED_AFTER_RETIREMENT = Duration.ofDays(1);

    private static final Logger log = LoggerFactory.getLogger(SigningKeys.class);

    private static final long CACHE_NANOS = Duration.ofMinutes(1).toNanos();

    // Reloads triggered by an unknown kid are limited, so tokens with made-up kids cannot flood the database.
    private static final long UNKNOWN_KID_RELOAD_NANOS = Duration.ofSeconds(5).toNanos();

    /** The key that signs, and when it was created. */
    public record ActiveKey(String kid, Instant createdAt) {
    }

    private record Snapshot(JWKSet keys, ActiveKey active, long loadedAt) {
    }

    private final SigningKeyRepository repository;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String encryptionSecret;
    private volatile Snapshot snapshot;

    SigningKeys(SigningKeyRepository repository, TransactionTemplate transactions, Clock clock, AuthSettings settings) {
        this.repository = repository;
        this.transactions = transactions;
        this.clock = clock;
        this.encryptionSecret = settings.signingKey().encryptionSecret();
    }

    /** Creates the first key if there is none, and fails the start if the stored keys cannot be decrypted. */
    @Override
    public void afterSingletonsInstantiated() {
        ActiveKey active = reload().active();
        log.info("Signing tokens with key {} (created {})", active.kid(), active.createdAt());
    }

    @Override
    public List<JWK> get(JWKSelector selector, SecurityContext context) {
        Snapshot current = current();
        List<JWK> found = selector.select(current.keys());
        if (found.isEmpty() && asksForUnknownKid(selector, current) && System.nanoTime() - current.loadedAt() > UNKNOWN_KID_RELOAD_NANOS) {
            found = selector.select(reload().keys());
        }
        return found;
    }

    public ActiveKey active() {
        return current().active();
    }

    /** Makes a new key the active one; the previous one stops signing and stays published for a day. */
    public ActiveKey rotate() {
        StoredKey key = newKey();
        transactions.executeWithoutResult(status -> repository.replaceActive(key, clock.instant()));
        log.info("Rotated the signing key: {} signs from now on", key.kid());
        return reload().active();
    }

    /** Deletes keys retired more than a day ago (every replica runs it; deleting twice is harmless). */
    @Scheduled(initialDelayString = "PT1M", fixedDelayString = "PT1H")
    public void purgeRetired() {
        int deleted = repository.deleteRetiredBefore(clock.instant().minus(PUBLISHED_AFTER_RETIREMENT));
        if (deleted > 0) {
            log.info("Deleted {} signing keys retired more than {} ago", deleted, PUBLISHED_AFTER_RETIREMENT);
            reload();
        }
    }

    private Snapshot current() {
        Snapshot current = snapshot;
        if (current == null || System.nanoTime() - current.loadedAt() > CACHE_NANOS) {
            current = reload();
        }
        return current;
    }

    private synchronized Snapshot reload() {
        List<StoredKey> stored = repository.published(clock.instant().minus(PUBLISHED_AFTER_RETIREMENT));
        if (stored.isEmpty() || !stored.getFirst().active()) {
            if (repository.insertIfNoneActive(newKey())) {
                log.info("Created the first signing key");
            }
            stored = repository.published(clock.instant().minus(PUBLISHED_AFTER_RETIREMENT));
        }
        StoredKey activeRow = stored.getFirst();
        List<JWK> jwks = new ArrayList<>();
        jwks.add(decrypt(activeRow));
        for (StoredKey retired : stored.subList(1, stored.size())) {
            jwks.add(parse(retired.publicJwk()));
        }
        Snapshot loaded = new Snapshot(new JWKSet(jwks), new ActiveKey(activeRow.kid(), activeRow.createdAt()), System.nanoTime());
        snapshot = loaded;
        return loaded;
    }

    private static boolean asksForUnknownKid(JWKSelector selector, Snapshot current) {
        JWKMatcher matcher = selector.getMatcher();
        return matcher.getKeyIDs() != null && matcher.getKeyIDs().stream()
                .anyMatch(kid -> kid != null && current.keys().getKeyByKeyId(kid) == null);
    }

    private StoredKey newKey() {
        Instant now = clock.instant();
        try {
            RSAKey key = new RSAKeyGenerator(2048).keyID(Ids.newId().toString()).keyUse(KeyUse.SIGNATURE)
                    .algorithm(JWSAlgorithm.RS256).issueTime(Date.from(now)).generate();
            return new StoredKey(key.getKeyID(), key.toPublicJWK().toJSONString(), encrypt(key.toJSONString()), true, now, null);
        }
        catch (JOSEException e) {
            throw new IllegalStateException("could not generate an RSA signing key", e);
        }
    }

    private String encrypt(String privateJwk) {
        String salt = KeyGenerators.string().generateKey();
        byte[] encrypted = Encryptors.stronger(encryptionSecret, salt).encrypt(privateJwk.getBytes(StandardCharsets.UTF_8));
        return salt + ":" + Base64.getEncoder().encodeToString(encrypted);
    }

    private JWK decrypt(StoredKey key) {
        String[] parts = key.privateKeyEncrypted().split(":", 2);
        try {
            byte[] json = Encryptors.stronger(encryptionSecret, parts[0]).decrypt(Base64.getDecoder().decode(parts[1]));
            return parse(new String(json, StandardCharsets.UTF_8));
        }
        catch (IllegalStateException | IllegalArgumentException e) {
            throw new IllegalStateException("Signing key " + key.kid() + " cannot be decrypted: "
                    + "eshop.auth.signing-key.encryption-secret differs from the secret it was stored with", e);
        }
    }

    private static JWK parse(String json) {
        try {
            return JWK.parse(json);
        }
        catch (ParseException e) {
            throw new IllegalStateException("a stored signing key is not a JWK", e);
        }
    }
}
