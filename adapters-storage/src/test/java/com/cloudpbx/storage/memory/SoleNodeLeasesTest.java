package com.cloudpbx.storage.memory;

import com.cloudpbx.core.calls.MediaServerLeasesContract;
import com.cloudpbx.core.calls.port.MediaServerLeases;

class SoleNodeLeasesTest extends MediaServerLeasesContract {

    private final SoleNodeLeases leases = new SoleNodeLeases();

    @Override
    protected MediaServerLeases leases() {
        return leases;
    }
}
