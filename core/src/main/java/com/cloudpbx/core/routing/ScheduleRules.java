package com.cloudpbx.core.routing;

import com.cloudpbx.core.routing.BusinessSchedule.Holiday;
import com.cloudpbx.core.routing.BusinessSchedule.OpeningHours;
import com.cloudpbx.core.routing.NewSchedule.HolidayInput;
import com.cloudpbx.core.routing.NewSchedule.HoursInput;
import com.cloudpbx.core.shared.Checks;
import com.cloudpbx.core.shared.DomainException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Reads a schedule's zone, opening hours and holidays from what a client sent, naming the field at fault. */
final class ScheduleRules {

    static final int MAX_RANGES = 70;
    static final int MAX_HOLIDAYS = 400;
    private static final String CLOCK_TIME = "^([01]\\d|2[0-3]):[0-5]\\d$";
    private static final String DATE = "^\\d{4}-\\d{2}-\\d{2}$";

    private ScheduleRules() {
    }

    /**
     * An IANA region id (America/Chicago, UTC); a bare offset (+02:00, GMT+2) is refused, since it
     * does not follow the region's daylight-saving changes.
     */
    static ZoneId zone(String timezone) {
        String id = Checks.requireText(timezone, "timezone", 64);
        if (!ZoneId.getAvailableZoneIds().contains(id)) {
            throw DomainException.invalid("timezone", "must be an IANA time zone such as America/Chicago");
        }
        return ZoneId.of(id);
    }

    static List<OpeningHours> weekly(List<HoursInput> input) {
        if (input == null) {
            return List.of();
        }
        if (input.size() > MAX_RANGES) {
            throw DomainException.invalid("schedules", "must have at most " + MAX_RANGES + " entries");
        }
        List<OpeningHours> hours = new ArrayList<>();
        for (int i = 0; i < input.size(); i++) {
            String field = "schedules[" + i + "]";
            HoursInput range = Checks.required(input.get(i), field);
            hours.add(new OpeningHours(day(range.day(), field + ".day"),
                    range.enabled() == null || range.enabled(),
                    time(range.startTime(), field + ".startTime"), time(range.endTime(), field + ".endTime")));
        }
        return hours;
    }

    static List<Holiday> holidays(List<HolidayInput> input) {
        if (input == null) {
            return List.of();
        }
        if (input.size() > MAX_HOLIDAYS) {
            throw DomainException.invalid("holidays", "must have at most " + MAX_HOLIDAYS + " entries");
        }
        List<Holiday> holidays = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        for (int i = 0; i < input.size(); i++) {
            String field = "holidays[" + i + "]";
            HolidayInput holiday = Checks.required(input.get(i), field);
            LocalDate date = date(holiday.date(), field + ".date");
            if (!seen.add(date)) {
                throw DomainException.invalid(field + ".date", date + " is listed twice");
            }
            String name = holiday.name() == null || holiday.name().isBlank() ? null
                    : Checks.requireText(holiday.name(), field + ".name", 100);
            holidays.add(new Holiday(date, name));
        }
        return holidays;
    }

    private static DayOfWeek day(String day, String field) {
        if (day == null || day.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        try {
            return DayOfWeek.valueOf(day.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "must be one of monday, tuesday, wednesday, thursday, friday,"
                    + " saturday, sunday");
        }
    }

    private static LocalTime time(String time, String field) {
        if (time == null || time.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        if (!time.strip().matches(CLOCK_TIME)) {
            throw DomainException.invalid(field, "must be a time HH:MM from 00:00 to 23:59");
        }
        return LocalTime.parse(time.strip());
    }

    private static LocalDate date(String date, String field) {
        if (date == null || date.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        try {
            if (!date.strip().matches(DATE)) {
                throw new DateTimeParseException("not YYYY-MM-DD", date, 0);
            }
            return LocalDate.parse(date.strip());
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "must be a date YYYY-MM-DD");
        }
    }
}
