package com.cloudpbx.freeswitch.simulated;

import com.cloudpbx.core.calls.EavesdropContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** Eavesdropping on the simulated switch, whose phones answer by themselves. */
class SimulatedSwitchEavesdropContractTest extends EavesdropContract<SimulatedSwitch> {

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
