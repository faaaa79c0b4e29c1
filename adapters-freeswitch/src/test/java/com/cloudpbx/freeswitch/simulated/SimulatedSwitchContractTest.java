package com.cloudpbx.freeswitch.simulated;

import com.cloudpbx.core.calls.MediaServerContract;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import org.junit.jupiter.api.AfterEach;

class SimulatedSwitchContractTest extends MediaServerContract<SimulatedSwitch> {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    @Override
    protected SimulatedSwitch newMediaServer() {
        var settings = new SimulationSettings(Duration.ofMillis(20), Duration.ofMillis(200), Set.of());
        return new SimulatedSwitch(settings, Clock.systemUTC(), scheduler);
    }

    /** The simulated phones answer by themselves after the answer delay. */
    @Override
    protected void letAnswer(UUID ringingLeg) {
    }

    @AfterEach
    void stopScheduler() {
        scheduler.shutdownNow();
    }
}
