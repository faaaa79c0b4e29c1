package com.cloudpbx.core.idempotency;

import com.cloudpbx.core.idempotency.port.IdempotencyStore;

/** The fixture core's idempotency tests run on keeps the port's contract. */
class MapIdempotencyStoreTest extends IdempotencyStoreContract {

    @Override
    protected IdempotencyStore newStore() {
        return new MapIdempotencyStore();
    }
}
