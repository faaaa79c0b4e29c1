package com.cloudpbx.http.reports;

import com.cloudpbx.core.reports.Reports;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.http.reports.ReportsJson.CallsByDayBody;
import com.cloudpbx.http.reports.ReportsJson.DashboardBody;
import com.cloudpbx.http.reports.ReportsJson.DashboardView;
import com.cloudpbx.http.reports.ReportsJson.DayView;
import com.cloudpbx.http.reports.ReportsJson.ExtensionView;
import com.cloudpbx.http.reports.ReportsJson.TopExtensionsBody;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The acting tenant's reports. Days are calendar days of UTC unless {@code timezone} names an IANA
 * zone; numbers are read as text so that a malformed one is a 400 naming its field, like one out
 * of range.
 */
@Controller("/api/reports")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Reports")
public class ReportsController {

    private static final String ZONE = "IANA time zone whose calendar days are counted (default UTC)";
    private static final String DAYS = "Days counted, today included: 1 to 366 (default 7)";

    private final Reports reports;

    public ReportsController(Reports reports) {
        this.reports = reports;
    }

    /** Extensions and DIDs of the tenant, and its calls started today and this calendar month. */
    @Get("/dashboard")
    public DashboardBody dashboard(@Parameter(hidden = true) Actor actor,
                                   @Parameter(description = ZONE) @Nullable @QueryValue String timezone) {
        return new DashboardBody(DashboardView.of(reports.dashboard(actor, timezone)));
    }

    /** Calls per day by direction, with their total duration in seconds; every day of the window is present. */
    @Get("/calls-by-day")
    public CallsByDayBody callsByDay(@Parameter(hidden = true) Actor actor,
                                     @Parameter(description = DAYS, schema = @Schema(type = "integer"))
                                     @Nullable @QueryValue String days,
                                     @Parameter(description = ZONE) @Nullable @QueryValue String timezone) {
        Map<String, DayView> byDay = new LinkedHashMap<>();
        reports.callsByDay(actor, days, timezone)
                .forEach((day, totals) -> byDay.put(day.toString(), DayView.of(totals)));
        return new CallsByDayBody(byDay);
    }

    /** The extensions with the most calls in the window, most first, with their total duration in seconds. */
    @Get("/top-extensions")
    public TopExtensionsBody topExtensions(@Parameter(hidden = true) Actor actor,
                                           @Parameter(description = DAYS, schema = @Schema(type = "integer"))
                                           @Nullable @QueryValue String days,
                                           @Parameter(description = "Extensions listed: 1 to 100 (default 10)",
                                                   schema = @Schema(type = "integer"))
                                           @Nullable @QueryValue String limit,
                                           @Parameter(description = ZONE) @Nullable @QueryValue String timezone) {
        return new TopExtensionsBody(reports.topExtensions(actor, days, limit, timezone).stream()
                .map(ExtensionView::of).toList());
    }
}
