package com.cloudpbx.core.reports;

/** A tenant's headline figures; "today" and "this month" are calendar periods of the report's zone. */
public record Dashboard(long extensions, long dids, long callsToday, long callsThisMonth) {
}
