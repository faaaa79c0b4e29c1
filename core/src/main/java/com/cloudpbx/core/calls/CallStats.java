package com.cloudpbx.core.calls;

/** Call counts of a period by direction. */
public record CallStats(long total, long inbound, long outbound, long internal) {
}
