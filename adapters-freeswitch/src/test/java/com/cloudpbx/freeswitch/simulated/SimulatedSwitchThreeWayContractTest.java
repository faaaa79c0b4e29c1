package com.cloudpbx.freeswitch.simulated;

import com.cloudpbx.core.threeway.ThreeWayContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** Three-way calling on the simulated switch, whose phones answer by themselves and whose 1486 is busy. */
class SimulatedSwitchThreeWayContractTest extends ThreeWayContract<SimulatedSwitch> {

    private final SimulatedContractBackend backend = new SimulatedContractBackend();

    @Override
    protected SimulatedSwitch newMediaServer() {
        return backend.newSwitch();
    }

    @Override
    protected void letAnswer(UUID ringingLeg) {
    }

    @Override
    protected void letBeBusy(UUID ringingLeg) {
    }

    @AfterEach
    void stop() {
        backend.close();
    }
}
