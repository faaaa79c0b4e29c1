package com.cloudpbx.core.threeway;

import java.util.UUID;

/** Who the moderator now talks to privately, and who waits on hold in the conference. */
public record SwappedParticipants(String conferenceName, UUID activeUuid, UUID heldUuid) {
}
