package com.cloudpbx.http.reports;

import com.cloudpbx.core.reports.Dashboard;
import com.cloudpbx.core.reports.DirectionTotals;
import com.cloudpbx.core.reports.ExtensionCalls;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;
import java.util.Map;

/** Report bodies, in camelCase as the SDK shows them; durations are seconds. */
public final class ReportsJson {

    private ReportsJson() {
    }

    @Serdeable
    public record DashboardView(long extensions, long dids, long callsToday, long callsThisMonth) {

        static DashboardView of(Dashboard dashboard) {
            return new DashboardView(dashboard.extensions(), dashboard.dids(), dashboard.callsToday(),
                    dashboard.callsThisMonth());
        }
    }

    @Serdeable
    public record DashboardBody(DashboardView dashboard) {
    }

    @Serdeable
    public record DayView(long total, long inbound, long outbound, long internal, long totalDuration) {

        static DayView of(DirectionTotals totals) {
            return new DayView(totals.total(), totals.inbound(), totals.outbound(), totals.internal(),
                    totals.totalDuration());
        }
    }

    /** Days as {@code YYYY-MM-DD} keys, oldest first. */
    @Serdeable
    public record CallsByDayBody(Map<String, DayView> callsByDay) {
    }

    @Serdeable
    public record ExtensionView(String extension, long totalCalls, long totalDuration) {

        static ExtensionView of(ExtensionCalls calls) {
            return new ExtensionView(calls.extension(), calls.totalCalls(), calls.totalDuration());
        }
    }

    @Serdeable
    public record TopExtensionsBody(List<ExtensionView> topExtensions) {
    }
}
