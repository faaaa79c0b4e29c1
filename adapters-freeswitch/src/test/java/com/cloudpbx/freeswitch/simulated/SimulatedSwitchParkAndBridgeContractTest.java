package com.cloudpbx.freeswitch.simulated;

import com.cloudpbx.core.calls.ParkAndBridgeContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** Parking, pickup and bridging on the simulated switch, whose phones answer by themselves. */
class SimulatedSwitchParkAndBridgeContractTest extends ParkAndBridgeContract<SimulatedSwitch> {

    private final SimulatedContractBackend backend = new SimulatedContractBackend();

    @Override
    protected SimulatedSwitch newMediaServer() {
        return backend.newSwitch();
    }

    @Override
    protected void letAnswer(UUID ringingLeg) {
    }

    @AfterEach
    void stop() {
        backend.close();
    }
}
