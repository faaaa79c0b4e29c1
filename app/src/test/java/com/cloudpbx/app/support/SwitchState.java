package com.cloudpbx.app.support;

import com.cloudpbx.core.calls.LiveChannel;
import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.core.calls.port.LiveChannels;
import java.util.Optional;
import java.util.UUID;

/** What the running server's media server and live state say about legs (the API does not show bridges). */
public final class SwitchState {

    private SwitchState() {
    }

    /**
     * Whether the switch has the two legs bridged together and live state knows it too: the call
     * commands check live state, which follows the switch's events a moment later.
     */
    public static Optional<Boolean> bridged(ApiServer api, String leg, String other) {
        boolean onTheSwitch = api.bean(LegControl.class).channels().stream()
                .anyMatch(channel -> channel.uuid().toString().equals(leg) && isBridgedTo(channel, other));
        boolean inLiveState = api.bean(LiveChannels.class).find(UUID.fromString(leg))
                .filter(channel -> isBridgedTo(channel, other)).isPresent();
        return onTheSwitch && inLiveState ? Optional.of(true) : Optional.empty();
    }

    private static boolean isBridgedTo(LiveChannel channel, String other) {
        return channel.bridgedTo() != null && channel.bridgedTo().toString().equals(other);
    }
}
