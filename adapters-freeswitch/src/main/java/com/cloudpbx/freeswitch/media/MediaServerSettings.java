package com.cloudpbx.freeswitch.media;

import java.time.Duration;
import java.util.Objects;

/**
 * How {@link EslMediaServer} talks to its switches: what the commands are built with, the Event
 * Socket connection settings, how long a command may take before the switch counts as unavailable,
 * and how long the legs it rings on its own (consult, eavesdrop) ring.
 */
public record MediaServerSettings(CommandSettings commands, com.cloudpbx.freeswitch.esl.EslClientSettings socket,
                                  Duration commandTimeout, Duration ringTimeout) {

    public MediaServerSettings {
        Objects.requireNonNull(commands, "commands");
        Objects.requireNonNull(socket, "socket");
        requirePositive(commandTimeout, "commandTimeout");
        requirePositive(ringTimeout, "ringTimeout");
    }

    /** Stock commands and socket, 10 s per command, 30 s of ringing. */
    public static MediaServerSettings defaults() {
        return new MediaServerSettings(CommandSettings.defaults(), com.cloudpbx.freeswitch.esl.EslClientSettings.defaults(),
                Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    private static void requirePositive(Duration duration, String name) {
        Objects.requireNonNull(duration, name);
        if (duration.isZero() || duration.isNegative()) {
            throw new IllegalArgumentException(name + " must be positive");
        }
    }
}
