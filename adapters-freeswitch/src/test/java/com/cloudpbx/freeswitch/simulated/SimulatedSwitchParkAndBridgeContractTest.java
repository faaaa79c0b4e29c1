package com.cloudpbx.freeswitch.simulated;

import com.cloudpbx.core.calls.ParkAndBridgeContract;
import com.cloudpbx.core.calls.port.MediaServer;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** Parking, pickup and bridging on the simulated switch, whose phones answer by themselves. */
class SimulatedSwitchParkAndBridgeContractTest extends ParkAndBridgeContract {

    private final SimulatedContractBackend backend = new SimulatedContractBackend();

    @Override
    protected MediaServer newMediaServer() {
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
