package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.LiveCallStore;

/** The test store keeps the rules of the real one, so use-case tests built on it hold for both. */
class MapLiveCallStoreTest extends LiveCallStoreContract {

    @Override
    protected LiveCallStore newStore() {
        return new MapLiveCallStore();
    }
}
