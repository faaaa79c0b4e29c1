package com.cloudpbx.core.threeway;

import java.util.UUID;

/** The new leg ringing the added participant, and the party that waits on hold meanwhile. */
public record AddedParticipant(UUID newCallUuid, UUID originalBridgedLeg) {
}
