package com.cloudpbx.storage.postgres.idempotency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.idempotency.IdempotencyStore.StoredOutcome;
import com.cloudpbx.storage.postgres.PostgresStorage;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcIdempotencyStoreTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private final PostgresStorage storage = PostgresStorage.start();
    private final UUID alice = UUID.randomUUID();
    private final UUID bob = UUID.randomUUID();
    private JdbcIdempotencyStore store;

    @AfterAll
    void stop() {
        storage.close();
    }

    @BeforeEach
    void startEmpty() {
        store = storage.emptied().bean(JdbcIdempotencyStore.class);
    }

    @Test
    void a_reserved_key_is_pending_until_completed_with_its_response() {
        assertThat(store.reserve(alice, "order-1", "sha256:aa", NOW)).isTrue();
        assertThat(store.find(alice, "order-1").orElseThrow().completed()).isFalse();

        store.complete(alice, "order-1", 201, "{\"id\":\"x\"}");

        StoredOutcome found = store.find(alice, "order-1").orElseThrow();
        assertThat(found.fingerprint()).isEqualTo("sha256:aa");
        assertThat(found.status()).isEqualTo(201);
        assertThat(found.body()).isEqualTo("{\"id\":\"x\"}");
        assertThat(found.createdAt()).isEqualTo(NOW);
    }

    @Test
    void an_unknown_key_has_no_response() {
        assertThat(store.find(alice, "never-sent")).isEmpty();
    }

    @Test
    void only_the_first_reservation_of_a_key_wins() {
        store.reserve(alice, "order-1", "sha256:aa", NOW);

        assertThat(store.reserve(alice, "order-1", "sha256:bb", NOW)).isFalse();
        assertThat(store.find(alice, "order-1").orElseThrow().fingerprint()).isEqualTo("sha256:aa");
    }

    @Test
    void keys_belong_to_the_principal_that_sent_them() {
        store.reserve(alice, "order-1", "sha256:aa", NOW);

        assertThat(store.reserve(bob, "order-1", "sha256:bb", NOW)).isTrue();
    }

    @Test
    void a_released_key_can_be_reserved_again() {
        store.reserve(alice, "order-1", "sha256:aa", NOW);

        store.release(alice, "order-1");

        assertThat(store.find(alice, "order-1")).isEmpty();
        assertThat(store.reserve(alice, "order-1", "sha256:aa", NOW)).isTrue();
    }

    @Test
    void purging_deletes_only_entries_created_before_the_cutoff() {
        store.reserve(alice, "old", "h", NOW.minusSeconds(90_000));
        store.reserve(alice, "new", "h", NOW);

        store.purgeOlderThan(NOW.minusSeconds(86_400));

        assertThat(store.find(alice, "old")).isEmpty();
        assertThat(store.find(alice, "new")).isPresent();
    }

    @Test
    void a_key_longer_than_255_characters_is_rejected_by_the_table() {
        assertThatThrownBy(() -> store.reserve(alice, "k".repeat(256), "h", NOW)).isInstanceOf(RuntimeException.class);
    }
}
