package com.cloudpbx.storage.postgres.idempotency;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.idempotency.IdempotencyStoreContract;
import com.cloudpbx.core.idempotency.port.IdempotencyStore;
import com.cloudpbx.core.idempotency.port.IdempotencyStore.Slot;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.postgres.PostgresStorage;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcIdempotencyStoreTest extends IdempotencyStoreContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected IdempotencyStore newStore() {
        return storage.emptied().bean(JdbcIdempotencyStore.class);
    }

    @Test
    void aKeyLongerThan255CharactersIsRejectedByTheTable() {
        Slot slot = new Slot(UUID.randomUUID(), Optional.of(TenantId.of(UUID.randomUUID())), "k".repeat(256));

        assertThatThrownBy(() -> newStore().reserve(slot, "h", Instant.now())).isInstanceOf(RuntimeException.class);
    }
}
