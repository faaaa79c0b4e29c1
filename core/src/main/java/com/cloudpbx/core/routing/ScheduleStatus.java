package com.cloudpbx.core.routing;

import java.time.ZonedDateTime;
import java.util.Objects;

/** Whether a schedule is open now, with "now" on the schedule's own wall clock. */
public record ScheduleStatus(boolean open, BusinessSchedule schedule, ZonedDateTime currentTime) {

    public ScheduleStatus {
        Objects.requireNonNull(schedule, "schedule");
        Objects.requireNonNull(currentTime, "currentTime");
    }
}
