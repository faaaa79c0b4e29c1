package com.cloudpbx.storage.memory;

import com.cloudpbx.core.calls.CallTrailsContract;
import com.cloudpbx.core.calls.port.CallTrails;

class InMemoryCallTrailsTest extends CallTrailsContract {

    @Override
    protected CallTrails newTrails() {
        return new InMemoryCallTrails();
    }
}
