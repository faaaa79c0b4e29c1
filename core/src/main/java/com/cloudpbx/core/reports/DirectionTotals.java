package com.cloudpbx.core.reports;

/**
 * The calls of one day by direction; {@code totalDuration} is the sum of their
 * {@code duration_seconds}, in seconds.
 */
public record DirectionTotals(long total, long inbound, long outbound, long internal, long totalDuration) {

    public static final DirectionTotals NONE = new DirectionTotals(0, 0, 0, 0, 0);
}
