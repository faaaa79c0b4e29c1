package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.HangupLedger;

/** The test fixture keeps the rules of the real adapter, so use-case tests built on it hold for both. */
class MapHangupLedgerTest extends HangupLedgerContract {

    @Override
    protected HangupLedger newLedger() {
        return new MapHangupLedger();
    }
}
