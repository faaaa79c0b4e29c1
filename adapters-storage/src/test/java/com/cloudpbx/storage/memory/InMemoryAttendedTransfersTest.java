package com.cloudpbx.storage.memory;

import com.cloudpbx.core.calls.AttendedTransfersContract;
import com.cloudpbx.core.calls.port.AttendedTransfers;

class InMemoryAttendedTransfersTest extends AttendedTransfersContract {

    @Override
    protected AttendedTransfers newTransfers() {
        return new InMemoryAttendedTransfers();
    }
}
