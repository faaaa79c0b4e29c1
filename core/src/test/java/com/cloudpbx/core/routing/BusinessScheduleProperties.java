package com.cloudpbx.core.routing;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.routing.BusinessSchedule.Holiday;
import com.cloudpbx.core.routing.BusinessSchedule.OpeningHours;
import com.cloudpbx.core.shared.TenantId;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.zone.ZoneOffsetTransition;
import java.util.List;
import java.util.UUID;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * {@link BusinessSchedule#isOpen} at any instant agrees with a naive reading written here
 * independently: the wall clock from the zone's offset at that instant, then the time since each
 * range's start counted in seconds of the week. Instants are drawn near the zones' daylight-saving
 * changes as often as anywhere else, and holidays near the instant's own date.
 */
class BusinessScheduleProperties {

    private static final int SECONDS_PER_DAY = 24 * 60 * 60;
    private static final int SECONDS_PER_WEEK = 7 * SECONDS_PER_DAY;
    private static final Instant FROM = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant T0 = FROM;

    @Property(tries = 3000)
    void isOpenAgreesWithANaiveReadingOfTheWallClock(@ForAll("zones") ZoneId zone,
                                                      @ForAll("ranges") List<OpeningHours> weekly,
                                                      @ForAll("moments") Moment moment,
                                                      @ForAll("holidayOffsets") List<Integer> holidayOffsets) {
        Instant instant = moment.in(zone);
        LocalDateTime wall = naiveWallClock(zone, instant);
        List<Holiday> holidays = holidayOffsets.stream()
                .map(days -> new Holiday(wall.toLocalDate().plusDays(days), null)).distinct().toList();
        var schedule = new BusinessSchedule(UUID.randomUUID(), TenantId.of(UUID.randomUUID()), "Any", zone, weekly,
                holidays, RouteTarget.hangup(), T0, T0);

        assertThat(schedule.isOpen(instant)).isEqualTo(naiveIsOpen(wall, weekly, holidays));
    }

    /** The wall clock as epoch seconds shifted by the offset in force, read as a UTC date-time. */
    private static LocalDateTime naiveWallClock(ZoneId zone, Instant instant) {
        int offset = zone.getRules().getOffset(instant).getTotalSeconds();
        return LocalDateTime.ofEpochSecond(instant.getEpochSecond() + offset, instant.getNano(), ZoneOffset.UTC);
    }

    private static boolean naiveIsOpen(LocalDateTime wall, List<OpeningHours> weekly, List<Holiday> holidays) {
        for (Holiday holiday : holidays) {
            if (holiday.date().equals(wall.toLocalDate())) {
                return false;
            }
        }
        int now = secondOfWeek(wall.getDayOfWeek(), wall.toLocalTime().toSecondOfDay());
        for (OpeningHours range : weekly) {
            if (!range.enabled()) {
                continue;
            }
            int start = range.start().toSecondOfDay();
            int end = range.end().toSecondOfDay();
            int length = end > start ? end - start : SECONDS_PER_DAY - start + end;
            int since = Math.floorMod(now - secondOfWeek(range.day(), start), SECONDS_PER_WEEK);
            if (since < length) {
                return true;
            }
        }
        return false;
    }

    private static int secondOfWeek(DayOfWeek day, int secondOfDay) {
        return (day.getValue() - 1) * SECONDS_PER_DAY + secondOfDay;
    }

    @Provide
    Arbitrary<ZoneId> zones() {
        return Arbitraries.of("America/New_York", "Europe/London", "Australia/Sydney", "UTC", "Asia/Kolkata",
                "America/St_Johns", "Australia/Lord_Howe", "Pacific/Apia").map(ZoneId::of);
    }

    @Provide
    Arbitrary<List<OpeningHours>> ranges() {
        Arbitrary<LocalTime> times = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.of(0, 30, 60, 90, 120, 150, 180, 1320, 1410, 1439)),
                Tuple.of(2, Arbitraries.integers().between(0, 1439)))
                .map(minute -> LocalTime.of(minute / 60, minute % 60));
        Arbitrary<OpeningHours> range = Combinators.combine(Arbitraries.of(DayOfWeek.class),
                Arbitraries.frequency(Tuple.of(9, true), Tuple.of(1, false)), times, times)
                .as(OpeningHours::new);
        return range.list().ofMaxSize(5);
    }

    @Provide
    Arbitrary<Moment> moments() {
        Arbitrary<Long> anywhere = Arbitraries.longs().between(0, 2L * 366 * SECONDS_PER_DAY);
        Arbitrary<Long> nearChange = Arbitraries.longs().between(-3 * 3600, 3 * 3600);
        return Combinators.combine(anywhere, nearChange, Arbitraries.of(true, false)).as(Moment::new);
    }

    @Provide
    Arbitrary<List<Integer>> holidayOffsets() {
        return Arbitraries.integers().between(-1, 1).list().ofMaxSize(2);
    }

    /**
     * A moment in 2026-2027: {@code secondsIn} after its start, or (when {@code atChange}) within
     * three hours of the zone's next offset change after that.
     */
    record Moment(long secondsIn, long fromChange, boolean atChange) {

        Instant in(ZoneId zone) {
            Instant base = FROM.plusSeconds(secondsIn);
            ZoneOffsetTransition next = atChange ? zone.getRules().nextTransition(base) : null;
            return next == null ? base : next.getInstant().plusSeconds(fromChange);
        }
    }
}
