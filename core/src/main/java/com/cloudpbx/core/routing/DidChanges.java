package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.Change;

/** A partial update of a DID: absent fields stay as they are; a null schedule id removes the schedule. */
public record DidChanges(Change<String> number, Change<String> inboundRoute, Change<String> routeTarget,
                         Change<String> scheduleId, Change<Boolean> emergencyCallerId, Change<String> status) {
}
