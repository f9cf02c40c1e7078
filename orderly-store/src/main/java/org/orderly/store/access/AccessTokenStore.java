package org.orderly.store.access;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import javax.sql.DataSource;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Personal access tokens of API clients. A token is 32 random bytes shown once when issued; the database keeps only
 * its SHA-256, so a copy of the database lets no one act as anyone.
 */
public final class AccessTokenStore {
    /** Every token starts with this, so that a leaked one is easy to recognise (and to search for in logs). */
    public static final String PREFIX = "orderly_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcClient jdbc;
    private final java.time.Clock clock;

    /** @param clock the time tokens are issued, expire and are revoked by (the server's one clock) */
    public AccessTokenStore(DataSource dataSource, java.time.Clock clock) {
        this.jdbc = JdbcClient.create(dataSource);
        this.clock = java.util.Objects.requireNonNull(clock, "clock");
    }

    /** A token as listed: never the token itself. */
    public record AccessToken(
            long id, String account, String label, Instant createdAt, Instant expiresAt, Instant revokedAt) {
        public boolean activeAt(Instant at) {
            return revokedAt == null && at.isBefore(expiresAt);
        }
    }

    /** A newly issued token: the secret (shown once) and its record. */
    public record Issued(String token, AccessToken record) {}

    /** Issues a token for an account, valid for {@code lifetime}. */
    public Issued issue(String account, String label, Duration lifetime) {
        if (account == null || account.isBlank()) throw new IllegalArgumentException("a token needs an account");
        if (lifetime.isNegative() || lifetime.isZero())
            throw new IllegalArgumentException("a token's lifetime must be positive");
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        String token = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        Instant issued = clock.instant();
        Instant expires = issued.plus(lifetime);
        long id = jdbc.sql(
                        "insert into access_token (account, label, sha256, created_at, expires_at) values (?, ?, ?, ?, ?) returning id")
                .params(
                        account,
                        label == null ? "" : label,
                        sha256(token),
                        Timestamp.from(issued),
                        Timestamp.from(expires))
                .query(Long.class)
                .single();
        return new Issued(token, byId(id).orElseThrow());
    }

    /** The account a presented token acts for, if the token is known, unrevoked and unexpired. */
    public Optional<String> account(String token) {
        if (token == null || !token.startsWith(PREFIX)) return Optional.empty();
        return jdbc.sql("select account from access_token where sha256 = ? and revoked_at is null and expires_at > ?")
                .params(sha256(token), Timestamp.from(clock.instant()))
                .query(String.class)
                .optional();
    }

    /** An account's tokens, newest first. */
    public List<AccessToken> of(String account) {
        return jdbc.sql("select * from access_token where account = ? order by id desc")
                .param(account)
                .query((rs, n) -> token(rs))
                .list();
    }

    /** Revokes one of an account's tokens; false when the account has no such token. */
    public boolean revoke(String account, long id) {
        return jdbc.sql("update access_token set revoked_at = coalesce(revoked_at, ?) where id = ? and account = ?")
                        .params(Timestamp.from(clock.instant()), id, account)
                        .update()
                == 1;
    }

    /** Revokes every active token of an account (after a leak, or when a person leaves); returns how many. */
    public int revokeAll(String account) {
        return jdbc.sql("update access_token set revoked_at = ? where account = ? and revoked_at is null")
                .params(Timestamp.from(clock.instant()), account)
                .update();
    }

    private Optional<AccessToken> byId(long id) {
        return jdbc.sql("select * from access_token where id = ?")
                .param(id)
                .query((rs, n) -> token(rs))
                .optional();
    }

    private static AccessToken token(ResultSet rs) throws SQLException {
        Timestamp revoked = rs.getTimestamp("revoked_at");
        return new AccessToken(
                rs.getLong("id"),
                rs.getString("account"),
                rs.getString("label"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("expires_at").toInstant(),
                revoked == null ? null : revoked.toInstant());
    }

    /** The hex SHA-256 of a token as stored. */
    static String sha256(String token) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
