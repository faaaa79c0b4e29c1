package com.cloudpbx.freeswitch.simulated;

import com.cloudpbx.core.presence.port.Registrations;
import com.cloudpbx.freeswitch.media.FreeSwitchSettings;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.Set;
import java.util.stream.Collectors;

/** The simulated switch's phones: every extension is registered but those it lists as offline. */
@Singleton
@Requires(missingProperty = FreeSwitchSettings.HOSTS)
public final class SimulatedRegistrations implements Registrations {

    private final SimulationSettings settings;

    public SimulatedRegistrations(SimulationSettings settings) {
        this.settings = settings;
    }

    @Override
    public Set<String> registered(String sipDomain, Collection<String> users) {
        return users.stream().filter(user -> !settings.isOffline(user)).collect(Collectors.toUnmodifiableSet());
    }
}
