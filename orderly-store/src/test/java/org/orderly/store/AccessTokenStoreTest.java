package org.orderly.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.orderly.store.access.AccessTokenStore;
import org.springframework.jdbc.core.simple.JdbcClient;

class AccessTokenStoreTest {
    AccessTokenStore tokens;
    JdbcClient jdbc;

    @BeforeEach
    void empty() {
        jdbc = JdbcClient.create(TestDatabase.get().dataSource());
        jdbc.sql("truncate access_token").update();
        tokens = new AccessTokenStore(TestDatabase.get().dataSource(), java.time.Clock.systemUTC());
    }

    @Test
    void anIssuedTokenActsForItsAccountAndOnlyItsHashIsKept() {
        AccessTokenStore.Issued issued = tokens.issue("border-officer", "booth 3", Duration.ofDays(30));
        assertThat(issued.token()).startsWith(AccessTokenStore.PREFIX).hasSizeGreaterThan(40);
        assertThat(tokens.account(issued.token())).contains("border-officer");
        String stored = jdbc.sql("select string_agg(sha256 || label || account, '') from access_token")
                .query(String.class)
                .single();
        assertThat(stored).doesNotContain(issued.token().substring(AccessTokenStore.PREFIX.length()));
        assertThat(issued.record().activeAt(Instant.now())).isTrue();
        assertThat(tokens.of("border-officer"))
                .singleElement()
                .extracting(AccessTokenStore.AccessToken::label)
                .isEqualTo("booth 3");
    }

    @Test
    void twoTokensAreNeverTheSame() {
        String first = tokens.issue("a", "", Duration.ofDays(1)).token();
        String second = tokens.issue("a", "", Duration.ofDays(1)).token();
        assertThat(first).isNotEqualTo(second);
    }

    @Test
    void unknownAlteredRevokedAndExpiredTokensActForNoOne() {
        AccessTokenStore.Issued issued = tokens.issue("secretariat", "ci", Duration.ofDays(1));
        String token = issued.token();
        String altered = token.substring(0, token.length() - 1) + (token.endsWith("A") ? "B" : "A");
        assertThat(tokens.account(altered)).isEmpty();
        assertThat(tokens.account("not-a-token")).isEmpty();
        assertThat(tokens.account(null)).isEmpty();

        assertThat(tokens.revoke("someone-else", issued.record().id())).isFalse();
        assertThat(tokens.account(token)).contains("secretariat");
        assertThat(tokens.revoke("secretariat", issued.record().id())).isTrue();
        assertThat(tokens.account(token)).isEmpty();

        AccessTokenStore.Issued expiring = tokens.issue("secretariat", "short", Duration.ofDays(1));
        jdbc.sql("update access_token set expires_at = now() - interval '1 second' where id = ?")
                .param(expiring.record().id())
                .update();
        assertThat(tokens.account(expiring.token())).isEmpty();
    }

    @Test
    void refusesTokensWithoutAccountOrLifetime() {
        assertThatThrownBy(() -> tokens.issue(" ", "x", Duration.ofDays(1)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> tokens.issue("a", "x", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }
}
