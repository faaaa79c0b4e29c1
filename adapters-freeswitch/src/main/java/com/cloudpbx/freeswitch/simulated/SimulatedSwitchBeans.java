package com.cloudpbx.freeswitch.simulated;

import com.cloudpbx.freeswitch.media.FreeSwitchSettings;
import io.micronaut.context.annotation.Bean;
import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** What {@link SimulatedSwitch} runs on while no FreeSWITCH host is configured. */
@Factory
@Requires(missingProperty = FreeSwitchSettings.HOSTS)
class SimulatedSwitchBeans {

    static final String EVENTS = "media-events";

    @Singleton
    @Named(EVENTS)
    @Bean(preDestroy = "shutdownNow")
    ScheduledExecutorService mediaScheduler() {
        // One thread: the simulated switch delivers each channel's events in order.
        return Executors.newSingleThreadScheduledExecutor(r -> {
            Thread thread = new Thread(r, "simulated-switch");
            thread.setDaemon(true);
            return thread;
        });
    }

    @Singleton
    SimulationSettings simulationSettings(SimulatorSettings settings) {
        return settings.simulation();
    }
}
