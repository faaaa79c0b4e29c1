package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.MediaEvent;
import com.cloudpbx.core.calls.MediaEvent.ChannelHungUp;
import com.cloudpbx.core.calls.MediaEvent.DtmfReceived;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The supervisor legs rung for eavesdropping, while they last. Only they take mode switches. Keys
 * pressed on them steer the eavesdrop (the adapter presses them itself to switch modes, and the
 * switch reports each as DTMF), so they are nobody's input and are not reported.
 *
 * <p>Thread-safe: commands and every switch's events touch it.
 */
final class SupervisorLegs {

    private final Set<UUID> legs = ConcurrentHashMap.newKeySet();

    void ringing(UUID spy) {
        legs.add(spy);
    }

    void forget(UUID spy) {
        legs.remove(spy);
    }

    boolean contains(UUID uuid) {
        return legs.contains(uuid);
    }

    /** Whether the event is reported; a supervisor leg that hung up is forgotten. */
    boolean reports(MediaEvent event) {
        if (event instanceof ChannelHungUp) {
            legs.remove(event.uuid());
        }
        return !(event instanceof DtmfReceived && legs.contains(event.uuid()));
    }
}
