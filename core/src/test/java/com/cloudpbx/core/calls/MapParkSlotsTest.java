package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.ParkSlots;

/** The test fixture keeps the rules of the real adapter, so use-case tests built on it hold for both. */
class MapParkSlotsTest extends ParkSlotsContract {

    @Override
    protected ParkSlots newSlots() {
        return new MapParkSlots();
    }
}
