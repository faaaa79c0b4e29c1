package com.cloudpbx.core.reports;

import com.cloudpbx.core.reports.port.CallReports;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.shared.TenantId;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A tenant's reports: the dashboard figures, calls per day and the busiest extensions. Days are
 * calendar days of UTC, or of the IANA zone a request names, and a window of {@code days} days
 * is today and the {@code days - 1} days before it. Reports are per tenant: a superadmin names
 * the tenant (X-Tenant-ID), as for a create, rather than getting platform-wide sums.
 */
public final class Reports {

    public static final int DEFAULT_DAYS = 7;
    public static final int MAX_DAYS = 366;
    public static final int DEFAULT_LIMIT = 10;
    public static final int MAX_LIMIT = 100;

    private final CallReports reports;
    private final Clock clock;

    public Reports(CallReports reports, Clock clock) {
        this.reports = reports;
        this.clock = clock;
    }

    public Dashboard dashboard(Actor actor, String timezone) {
        TenantId tenant = tenant(actor);
        ZoneId zone = zone(timezone);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        Instant tomorrow = startOf(today.plusDays(1), zone);
        return new Dashboard(reports.countExtensions(tenant), reports.countDids(tenant),
                reports.countCalls(tenant, startOf(today, zone), tomorrow),
                reports.countCalls(tenant, startOf(today.withDayOfMonth(1), zone), tomorrow));
    }

    /** Every day of the window, oldest first, days without calls as zeros. */
    public Map<LocalDate, DirectionTotals> callsByDay(Actor actor, String days, String timezone) {
        TenantId tenant = tenant(actor);
        int window = bounded(days, "days", DEFAULT_DAYS, MAX_DAYS);
        ZoneId zone = zone(timezone);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        LocalDate first = today.minusDays(window - 1L);
        Map<LocalDate, DirectionTotals> found = reports.callsByDay(tenant, startOf(first, zone),
                startOf(today.plusDays(1), zone), zone);
        Map<LocalDate, DirectionTotals> all = new LinkedHashMap<>();
        for (LocalDate day = first; !day.isAfter(today); day = day.plusDays(1)) {
            all.put(day, found.getOrDefault(day, DirectionTotals.NONE));
        }
        return all;
    }

    public List<ExtensionCalls> topExtensions(Actor actor, String days, String limit, String timezone) {
        TenantId tenant = tenant(actor);
        int window = bounded(days, "days", DEFAULT_DAYS, MAX_DAYS);
        int count = bounded(limit, "limit", DEFAULT_LIMIT, MAX_LIMIT);
        ZoneId zone = zone(timezone);
        LocalDate today = LocalDate.ofInstant(clock.instant(), zone);
        return reports.topExtensions(tenant, startOf(today.minusDays(window - 1L), zone),
                startOf(today.plusDays(1), zone), count);
    }

    private static TenantId tenant(Actor actor) {
        actor.require(Resource.REPORTS, Access.READ);
        return actor.requireTenant();
    }

    private static Instant startOf(LocalDate day, ZoneId zone) {
        return day.atStartOfDay(zone).toInstant();
    }

    /** UTC when absent; otherwise a region id of the IANA database (fixed offsets are not zones). */
    static ZoneId zone(String timezone) {
        if (timezone == null) {
            return ZoneOffset.UTC;
        }
        if (timezone.isBlank() || !ZoneId.getAvailableZoneIds().contains(timezone)) {
            throw DomainException.invalid("timezone", "must be an IANA time zone such as Europe/Paris");
        }
        try {
            return ZoneId.of(timezone);
        } catch (DateTimeException unknown) {
            throw DomainException.invalid("timezone", "must be an IANA time zone such as Europe/Paris");
        }
    }

    static int bounded(String value, String field, int fallback, int max) {
        if (value == null) {
            return fallback;
        }
        int parsed;
        try {
            parsed = Integer.parseInt(value.trim());
        } catch (NumberFormatException notANumber) {
            throw DomainException.invalid(field, "must be a whole number from 1 to " + max);
        }
        if (parsed < 1 || parsed > max) {
            throw DomainException.invalid(field, "must be a whole number from 1 to " + max);
        }
        return parsed;
    }
}
