package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.CallTrails;

/** The test fixture keeps the rules of the real adapter, so use-case tests built on it hold for both. */
class MapCallTrailsTest extends CallTrailsContract {

    @Override
    protected CallTrails newTrails() {
        return new MapCallTrails();
    }
}
