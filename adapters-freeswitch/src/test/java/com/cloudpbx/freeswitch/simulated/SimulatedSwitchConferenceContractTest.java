package com.cloudpbx.freeswitch.simulated;

import com.cloudpbx.core.calls.ConferenceContract;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;

/** Conference rooms on the simulated switch, whose phones answer by themselves. */
class SimulatedSwitchConferenceContractTest extends ConferenceContract<SimulatedSwitch> {

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
