package com.cloudpbx.core.routing;

import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A page under way: {@code jobId} is the caller's leg (hanging it up ends the caller's part), the
 * room everybody reached was put in, and each member's outcome in the group's order.
 */
public record PageResult(UUID jobId, String groupName, String conferenceName, int membersContacted,
                         int membersOnline, int membersTotal, List<MemberResult> results) {

    public PageResult {
        Objects.requireNonNull(jobId, "jobId");
        results = List.copyOf(results);
    }

    /** {@code online}: the member's phone answered and it hears the page. */
    public record MemberResult(String extension, boolean online) {
    }
}
