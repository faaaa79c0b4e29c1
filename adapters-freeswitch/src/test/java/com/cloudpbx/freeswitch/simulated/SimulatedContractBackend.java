package com.cloudpbx.freeswitch.simulated;

import java.time.Clock;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** A simulated switch on a scheduler of its own, with phones that answer quickly, for the scenario contracts. */
final class SimulatedContractBackend implements AutoCloseable {

    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor();

    SimulatedSwitch newSwitch() {
        var settings = new SimulationSettings(Duration.ofMillis(20), Duration.ofSeconds(5), Set.of());
        return new SimulatedSwitch(settings, Clock.systemUTC(), scheduler);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
