package com.cloudpbx.core.threeway;

import java.util.UUID;

/** A leg of a merged three-way call, as the API shows it; {@code status} is active or held. */
public record ThreeWayParticipant(UUID uuid, String memberId, String callerIdNumber, String callerIdName,
                                  boolean muted, String status) {
}
