package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.AttendedTransfers;

/** The test fixture keeps the rules of the real adapter, so use-case tests built on it hold for both. */
class MapAttendedTransfersTest extends AttendedTransfersContract {

    @Override
    protected AttendedTransfers newTransfers() {
        return new MapAttendedTransfers();
    }
}
