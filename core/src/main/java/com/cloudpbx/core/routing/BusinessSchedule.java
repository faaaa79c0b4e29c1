package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.TenantId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Opening hours in the schedule's own time zone, with holidays (closed all day, in that zone) and
 * the route calls take while closed. All times are wall-clock times of the zone, so opening at
 * 09:00 stays 09:00 across daylight-saving changes.
 */
public record BusinessSchedule(UUID id, TenantId tenant, String name, ZoneId zone, List<OpeningHours> weekly,
                               List<Holiday> holidays, RouteTarget afterHours, Instant createdAt,
                               Instant updatedAt) {

    public BusinessSchedule {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(zone, "zone");
        weekly = List.copyOf(weekly);
        holidays = List.copyOf(holidays);
        Objects.requireNonNull(afterHours, "afterHours");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /**
     * Whether calls at this instant are inside opening hours, read on the zone's wall clock: in a
     * spring-forward gap the skipped wall times never occur (a range inside the gap never opens),
     * in a fall-back overlap the repeated wall times are open both times. A holiday closes every
     * instant whose local date is the holiday, so it also closes the after-midnight tail of the
     * previous night's range; a range starting on the holiday is closed that day, and its tail on
     * the next (ordinary) day is open.
     */
    public boolean isOpen(Instant instant) {
        LocalDateTime local = LocalDateTime.ofInstant(instant, zone);
        if (isHoliday(local.toLocalDate())) {
            return false;
        }
        return weekly.stream().filter(OpeningHours::enabled).anyMatch(hours -> hours.covers(local));
    }

    private boolean isHoliday(LocalDate date) {
        return holidays.stream().anyMatch(holiday -> holiday.date().equals(date));
    }

    /**
     * One day's hours. An end before the start crosses midnight (22:00-06:00 runs into the next
     * day's morning); an end equal to the start is open around the clock from that time.
     */
    public record OpeningHours(DayOfWeek day, boolean enabled, LocalTime start, LocalTime end) {

        public OpeningHours {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
        }

        public boolean crossesMidnight() {
            return !end.isAfter(start);
        }

        boolean covers(LocalDateTime local) {
            LocalTime time = local.toLocalTime();
            DayOfWeek today = local.getDayOfWeek();
            if (!crossesMidnight()) {
                return today == day && !time.isBefore(start) && time.isBefore(end);
            }
            return today == day && !time.isBefore(start) || today == day.plus(1) && time.isBefore(end);
        }
    }

    public record Holiday(LocalDate date, String name) {

        public Holiday {
            Objects.requireNonNull(date, "date");
        }
    }
}
