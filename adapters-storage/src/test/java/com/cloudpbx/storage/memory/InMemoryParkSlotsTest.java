package com.cloudpbx.storage.memory;

import com.cloudpbx.core.calls.ParkSlotsContract;
import com.cloudpbx.core.calls.port.ParkSlots;

class InMemoryParkSlotsTest extends ParkSlotsContract {

    @Override
    protected ParkSlots newSlots() {
        return new InMemoryParkSlots();
    }
}
