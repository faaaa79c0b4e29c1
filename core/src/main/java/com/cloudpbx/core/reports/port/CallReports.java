package com.cloudpbx.core.reports.port;

import com.cloudpbx.core.reports.DirectionTotals;
import com.cloudpbx.core.reports.ExtensionCalls;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * Aggregates over one tenant's call history and configuration. Every window is
 * {@code [from, to)} on {@code started_at}; a call counts once, whatever its status.
 */
public interface CallReports {

    long countExtensions(TenantId tenant);

    long countDids(TenantId tenant);

    long countCalls(TenantId tenant, Instant from, Instant to);

    /**
     * The calls started in the window, per calendar day of {@code zone}; days without calls are
     * absent (the use case fills them in).
     */
    Map<LocalDate, DirectionTotals> callsByDay(TenantId tenant, Instant from, Instant to, ZoneId zone);

    /**
     * The extensions with the most calls started in the window, most first, then the longest total
     * duration, then by extension; calls that name no extension are left out.
     */
    List<ExtensionCalls> topExtensions(TenantId tenant, Instant from, Instant to, int limit);
}
