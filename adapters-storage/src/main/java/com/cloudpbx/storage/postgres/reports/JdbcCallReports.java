package com.cloudpbx.storage.postgres.reports;

import static com.cloudpbx.storage.postgres.schema.Tables.DIDS;
import static com.cloudpbx.storage.postgres.schema.Tables.EXTENSIONS;

import com.cloudpbx.core.reports.DirectionTotals;
import com.cloudpbx.core.reports.ExtensionCalls;
import com.cloudpbx.core.reports.port.CallReports;
import com.cloudpbx.core.shared.TenantId;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.Record6;

/** Reports over the call history and configuration in PostgreSQL (the SQL is {@link CallReportQueries}'). */
@Singleton
@Connectable
public class JdbcCallReports implements CallReports {

    private final DSLContext dsl;
    private final CallReportQueries queries;

    public JdbcCallReports(DSLContext dsl) {
        this.dsl = dsl;
        this.queries = new CallReportQueries(dsl);
    }

    @Override
    public long countExtensions(TenantId tenant) {
        return dsl.fetchCount(EXTENSIONS, EXTENSIONS.TENANT_ID.eq(tenant.value()));
    }

    @Override
    public long countDids(TenantId tenant) {
        return dsl.fetchCount(DIDS, DIDS.TENANT_ID.eq(tenant.value()));
    }

    @Override
    public long countCalls(TenantId tenant, Instant from, Instant to) {
        return queries.count(tenant, from, to).fetchSingle().value1();
    }

    @Override
    public Map<LocalDate, DirectionTotals> callsByDay(TenantId tenant, Instant from, Instant to, ZoneId zone) {
        Map<LocalDate, DirectionTotals> days = new LinkedHashMap<>();
        for (Record6<LocalDate, Integer, Integer, Integer, Integer, Long> row : queries.byDay(tenant, from, to, zone)) {
            days.put(row.value1(), new DirectionTotals(row.value2(), row.value3(), row.value4(), row.value5(),
                    row.value6()));
        }
        return days;
    }

    @Override
    public List<ExtensionCalls> topExtensions(TenantId tenant, Instant from, Instant to, int limit) {
        return queries.topExtensions(tenant, from, to, limit).fetch(
                row -> new ExtensionCalls(row.value1(), row.value2(), row.value3()));
    }
}
