package com.cloudpbx.core.routing;

import com.cloudpbx.core.routing.NewSchedule.HolidayInput;
import com.cloudpbx.core.routing.NewSchedule.HoursInput;
import com.cloudpbx.core.shared.Change;
import java.util.List;

/** A partial update of a schedule: absent fields stay; a given list replaces the whole list. */
public record ScheduleChanges(Change<String> name, Change<String> timezone, Change<List<HoursInput>> schedules,
                              Change<List<HolidayInput>> holidays, Change<String> afterHoursAction,
                              Change<String> afterHoursTarget) {
}
