package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.operations.port.BackendHealth;
import io.micronaut.context.annotation.Requires;
import jakarta.inject.Singleton;
import java.util.Objects;
import java.util.Optional;

/**
 * Whether the media servers can be reached, for the health route, as the backend named
 * "freeswitch". Up while at least one Event Socket connection is: new calls go to any connected
 * host, so one host down still leaves the service working. Down names the hosts (host:port, never
 * the password) that are not connected. Answers from the clients' own state at once: it never waits
 * on a switch. Present while FreeSWITCH is selected.
 */
@Singleton
@Requires(property = FreeSwitchSettings.HOSTS)
public final class FreeSwitchHealth implements BackendHealth {

    private final EslMediaServer media;

    public FreeSwitchHealth(EslMediaServer media) {
        this.media = Objects.requireNonNull(media, "media");
    }

    @Override
    public String name() {
        return "freeswitch";
    }

    @Override
    public Optional<String> failure() {
        if (media.isConnected()) {
            return Optional.empty();
        }
        return Optional.of("no Event Socket connection is up (" + String.join(", ", media.disconnectedHosts()) + ")");
    }
}
