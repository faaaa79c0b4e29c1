package com.cloudpbx.core.routing;

import java.util.List;

/**
 * A schedule as a client asks for it: text as sent, checked by {@link ScheduleProvisioning}.
 * A null list means none.
 */
public record NewSchedule(String name, String timezone, List<HoursInput> schedules, List<HolidayInput> holidays,
                          String afterHoursAction, String afterHoursTarget) {

    /** One range of opening hours: {@code day} monday..sunday, times "HH:MM"; enabled defaults to true. */
    public record HoursInput(String day, Boolean enabled, String startTime, String endTime) {
    }

    /** A closed day: {@code date} "YYYY-MM-DD", name optional. */
    public record HolidayInput(String date, String name) {
    }
}
