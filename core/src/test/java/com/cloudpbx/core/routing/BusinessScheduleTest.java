package com.cloudpbx.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.routing.BusinessSchedule.Holiday;
import com.cloudpbx.core.routing.BusinessSchedule.OpeningHours;
import com.cloudpbx.core.shared.TenantId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Opening hours are read on the schedule zone's wall clock. Each row: the zone, the ranges
 * ("DAY HH:MM-HH:MM", several separated by ';', a leading '!' for a disabled one), the holidays
 * (';'-separated dates), the instant (with the offset the zone has then) and whether it is open.
 */
class BusinessScheduleTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    @ParameterizedTest(name = "{5}")
    @CsvSource(delimiter = '|', textBlock = """
            America/New_York | sunday 02:30-04:00 | | 2026-03-08T01:59:59-05:00 | false | NY spring forward: before the range
            America/New_York | sunday 02:30-04:00 | | 2026-03-08T03:00:00-04:00 | true  | NY spring forward: the wall clock jumps into the range at 03:00
            America/New_York | sunday 02:30-04:00 | | 2026-03-08T03:59:59-04:00 | true  | NY spring forward: still open before 04:00
            America/New_York | sunday 02:30-04:00 | | 2026-03-08T04:00:00-04:00 | false | NY spring forward: closed at 04:00
            America/New_York | sunday 02:00-02:30 | | 2026-03-08T01:59:59-05:00 | false | NY spring forward: a range inside the gap never opens (before)
            America/New_York | sunday 02:00-02:30 | | 2026-03-08T03:00:00-04:00 | false | NY spring forward: a range inside the gap never opens (after)
            America/New_York | sunday 01:00-02:00 | | 2026-11-01T00:59:59-04:00 | false | NY fall back: before the repeated hour
            America/New_York | sunday 01:00-02:00 | | 2026-11-01T01:00:00-04:00 | true  | NY fall back: first 01:00 (EDT)
            America/New_York | sunday 01:00-02:00 | | 2026-11-01T01:59:59-04:00 | true  | NY fall back: first 01:59 (EDT)
            America/New_York | sunday 01:00-02:00 | | 2026-11-01T01:00:00-05:00 | true  | NY fall back: second 01:00 (EST) is open again
            America/New_York | sunday 01:00-02:00 | | 2026-11-01T02:00:00-05:00 | false | NY fall back: closed at 02:00 EST
            America/New_York | sunday 09:00-17:00 | | 2026-11-01T09:00:00-05:00 | true  | NY fall back: 09:00 stays 09:00 on the new offset
            America/New_York | sunday 09:00-17:00 | | 2026-11-01T08:59:59-05:00 | false | NY fall back: 08:59 EST is before opening
            Europe/London    | sunday 01:00-02:00 | | 2026-03-29T00:59:59Z      | false | London spring forward: a range inside the gap never opens (before)
            Europe/London    | sunday 01:00-02:00 | | 2026-03-29T02:00:00+01:00 | false | London spring forward: a range inside the gap never opens (after)
            Europe/London    | sunday 00:30-02:30 | | 2026-03-29T02:00:00+01:00 | true  | London spring forward: a range across the gap is open after it
            Europe/London    | sunday 00:30-02:30 | | 2026-03-29T02:30:00+01:00 | false | London spring forward: and closes at its wall-clock end
            Europe/London    | sunday 01:00-01:30 | | 2026-10-25T01:00:00+01:00 | true  | London fall back: first 01:00 (BST)
            Europe/London    | sunday 01:00-01:30 | | 2026-10-25T01:30:00+01:00 | false | London fall back: first 01:30 (BST) closes
            Europe/London    | sunday 01:00-01:30 | | 2026-10-25T01:00:00Z      | true  | London fall back: second 01:00 (GMT) opens again
            Europe/London    | sunday 01:00-01:30 | | 2026-10-25T01:30:00Z      | false | London fall back: second 01:30 (GMT) closes again
            Australia/Sydney | sunday 02:00-03:00 | | 2026-04-05T02:00:00+11:00 | true  | Sydney fall back: first 02:00 (AEDT)
            Australia/Sydney | sunday 02:00-03:00 | | 2026-04-05T02:59:59+11:00 | true  | Sydney fall back: first 02:59 (AEDT)
            Australia/Sydney | sunday 02:00-03:00 | | 2026-04-05T02:00:00+10:00 | true  | Sydney fall back: second 02:00 (AEST)
            Australia/Sydney | sunday 02:00-03:00 | | 2026-04-05T03:00:00+10:00 | false | Sydney fall back: closed at 03:00 AEST
            Australia/Sydney | sunday 02:00-03:00 | | 2026-10-04T01:59:59+10:00 | false | Sydney spring forward: a range inside the gap never opens (before)
            Australia/Sydney | sunday 02:00-03:00 | | 2026-10-04T03:00:00+11:00 | false | Sydney spring forward: a range inside the gap never opens (after)
            Australia/Sydney | saturday 22:00-02:30 | | 2026-10-04T01:59:59+10:00 | true | Sydney spring forward: a night range is open up to the gap
            Australia/Sydney | saturday 22:00-02:30 | | 2026-10-04T03:00:00+11:00 | false | Sydney spring forward: and its end fell in the gap, so it is over
            """)
    void daylightSavingChangesFollowTheWallClock(String zone, String ranges, String holidays, String at,
                                                 boolean open, String why) {
        assertThat(schedule(zone, ranges, holidays).isOpen(OffsetDateTime.parse(at).toInstant())).as(why)
                .isEqualTo(open);
    }

    @ParameterizedTest(name = "{5}")
    @CsvSource(delimiter = '|', textBlock = """
            UTC | friday 22:00-06:00 | | 2026-12-04T21:59:59Z | false | Friday night range: closed before it starts
            UTC | friday 22:00-06:00 | | 2026-12-04T22:00:00Z | true  | Friday night range: opens at 22:00 Friday
            UTC | friday 22:00-06:00 | | 2026-12-05T05:59:59Z | true  | Friday night range: runs into Saturday morning
            UTC | friday 22:00-06:00 | | 2026-12-05T06:00:00Z | false | Friday night range: closes at 06:00 Saturday
            UTC | friday 22:00-06:00 | | 2026-12-05T22:00:00Z | false | Friday night range: does not repeat on Saturday night
            UTC | friday 22:00-06:00 | | 2026-12-04T05:00:00Z | false | Friday night range: Friday morning is Thursday night's tail, not Friday's
            UTC | sunday 22:00-06:00 | | 2026-12-07T05:00:00Z | true  | Sunday night range runs into Monday morning
            UTC | sunday 22:00-06:00 | | 2026-12-07T06:00:00Z | false | Sunday night range closes on Monday at 06:00
            UTC | sunday 22:00-06:00 | | 2026-12-06T05:00:00Z | false | Sunday night range: Sunday morning belongs to Saturday night
            UTC | sunday 22:00-00:00 | | 2026-12-06T23:59:59Z | true  | a range ending at 00:00 runs to midnight
            UTC | sunday 22:00-00:00 | | 2026-12-07T00:00:00Z | false | a range ending at 00:00 closes at midnight
            UTC | monday 09:00-09:00 | | 2026-12-07T08:59:59Z | false | equal times: closed before the start
            UTC | monday 09:00-09:00 | | 2026-12-07T09:00:00Z | true  | equal times: open from the start
            UTC | monday 09:00-09:00 | | 2026-12-08T08:59:59Z | true  | equal times: open around the clock
            UTC | monday 09:00-09:00 | | 2026-12-08T09:00:00Z | false | equal times: for 24 hours only
            UTC | !monday 09:00-17:00 | | 2026-12-07T10:00:00Z | false | a disabled range never opens
            UTC | monday 09:00-12:00;monday 13:00-17:00 | | 2026-12-07T12:30:00Z | false | several ranges a day: closed at lunch
            UTC | monday 09:00-12:00;monday 13:00-17:00 | | 2026-12-07T13:00:00Z | true  | several ranges a day: open again after lunch
            America/Chicago | monday 09:00-17:00 | | 2026-12-07T14:59:59Z | false | the zone's wall clock, not UTC: 08:59 in Chicago
            America/Chicago | monday 09:00-17:00 | | 2026-12-07T15:00:00Z | true  | the zone's wall clock, not UTC: 09:00 in Chicago
            """)
    void rangesAreReadOnTheDayTheyStart(String zone, String ranges, String holidays, String at, boolean open,
                                        String why) {
        assertThat(schedule(zone, ranges, holidays).isOpen(OffsetDateTime.parse(at).toInstant())).as(why)
                .isEqualTo(open);
    }

    @ParameterizedTest(name = "{5}")
    @CsvSource(delimiter = '|', textBlock = """
            America/New_York | friday 09:00-17:00   | 2026-12-25 | 2026-12-25T10:00:00-05:00 | false | a holiday closes its day's hours
            America/New_York | thursday 22:00-06:00 | 2026-12-25 | 2026-12-24T23:00:00-05:00 | true  | the evening before a holiday is open, though UTC is already on the holiday
            America/New_York | thursday 22:00-06:00 | 2026-12-25 | 2026-12-25T05:00:00-05:00 | false | the tail of the previous night's range on the holiday is closed
            America/New_York | friday 22:00-06:00   | 2026-12-25 | 2026-12-26T01:00:00-05:00 | true  | the tail of the holiday's own night range, on the next day, is open
            America/New_York | friday 09:00-17:00   | 2026-12-25 | 2027-01-01T10:00:00-05:00 | true  | a holiday closes its date only
            Europe/London    | friday 09:00-17:00   | 2026-12-25 | 2026-12-25T16:59:59Z      | false | London holiday, in London
            Australia/Sydney | monday 09:00-17:00   | 2026-01-26 | 2026-01-25T23:00:00Z      | false | Sydney holiday starts on Sydney's date, while UTC is still on the 25th
            Australia/Sydney | monday 09:00-17:00   | 2026-01-26 | 2026-01-26T23:00:00Z      | false | the 26th in UTC is the 27th in Sydney: closed because it is Tuesday
            Australia/Sydney | tuesday 09:00-17:00  | 2026-01-26 | 2026-01-26T23:00:00Z      | true  | the day after the Sydney holiday is open
            """)
    void holidaysCloseTheirWholeLocalDay(String zone, String ranges, String holidays, String at, boolean open,
                                         String why) {
        assertThat(schedule(zone, ranges, holidays).isOpen(OffsetDateTime.parse(at).toInstant())).as(why)
                .isEqualTo(open);
    }

    static BusinessSchedule schedule(String zone, String ranges, String holidays) {
        List<OpeningHours> weekly = Arrays.stream(ranges.split(";")).map(String::strip).map(BusinessScheduleTest::range)
                .toList();
        List<Holiday> closed = holidays == null ? List.of()
                : Arrays.stream(holidays.split(";")).map(d -> new Holiday(LocalDate.parse(d.strip()), null)).toList();
        return new BusinessSchedule(UUID.randomUUID(), TenantId.of(UUID.randomUUID()), "Hours", ZoneId.of(zone),
                weekly, closed, RouteTarget.hangup(), T0, T0);
    }

    private static OpeningHours range(String spec) {
        boolean enabled = !spec.startsWith("!");
        String[] parts = spec.replace("!", "").split("[ -]");
        return new OpeningHours(DayOfWeek.valueOf(parts[0].toUpperCase(Locale.ROOT)), enabled,
                LocalTime.parse(parts[1]), LocalTime.parse(parts[2]));
    }
}
