package com.cloudpbx.core.threeway;

/** What happens to the two other parties when the moderator leaves a three-way call. */
public enum ModeratorHangupPolicy {
    /** They are bridged and keep talking to each other (as after a transfer). */
    BRIDGE,
    /** Both are hung up. */
    RELEASE
}
