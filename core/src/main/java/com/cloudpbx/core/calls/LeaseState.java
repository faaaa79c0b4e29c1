package com.cloudpbx.core.calls;

/** Who applies a media server's events, as the leases answered just now. */
public enum LeaseState {
    /** This node: it applies the media server's events to the shared live state. */
    HELD,
    /** Another node does; this one only keeps its own view for the commands it sends. */
    HELD_ELSEWHERE,
    /** The leases cannot be asked right now (their store is away): keep doing what was done. */
    UNKNOWN
}
