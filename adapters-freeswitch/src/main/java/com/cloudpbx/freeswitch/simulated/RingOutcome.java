package com.cloudpbx.freeswitch.simulated;

import com.cloudpbx.core.calls.Destination;

/**
 * What a ringing leg will do, decided when it starts ringing so the simulation is
 * deterministic: the number's last digits name the SIP response it gets.
 */
enum RingOutcome {
    ANSWER(null),
    BUSY("USER_BUSY"),
    FAIL("NORMAL_TEMPORARY_FAILURE"),
    NO_ANSWER("NO_ANSWER");

    /** The hangup cause when the leg fails; null for a leg that answers. */
    final String hangupCause;

    RingOutcome(String hangupCause) {
        this.hangupCause = hangupCause;
    }

    /** The extension a call starts from, or a supervisor: only being unregistered stops it answering. */
    static RingOutcome forCaller(String extension, SimulationSettings settings) {
        return settings.isOffline(extension) ? NO_ANSWER : ANSWER;
    }

    /** A dialled destination: 486 busy, 480 no answer, 503 failure, an unregistered extension no answer. */
    static RingOutcome forDestination(Destination destination, SimulationSettings settings) {
        String value = destination.value();
        if (value.endsWith("486")) {
            return BUSY;
        }
        if (value.endsWith("480")) {
            return NO_ANSWER;
        }
        if (value.endsWith("503")) {
            return FAIL;
        }
        boolean offline = destination.kind() == Destination.Kind.EXTENSION && settings.isOffline(value);
        return offline ? NO_ANSWER : ANSWER;
    }
}
