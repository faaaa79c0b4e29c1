package com.cloudpbx.storage.postgres.reports;

import static com.cloudpbx.storage.postgres.schema.Tables.CALL_RECORDS;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record1;
import org.jooq.Record3;
import org.jooq.Record6;
import org.jooq.ResultQuery;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The reports' SQL, apart from the adapter so its plans can be explained. Every aggregate reads
 * the window's entries of V17's covering index (tenant, started_at) only; the day of a call is
 * computed in the report's zone by PostgreSQL, whose time zone database knows the same IANA
 * names as Java's.
 */
final class CallReportQueries {

    private static final Field<Long> DURATION = DSL.coalesce(
            DSL.sum(CALL_RECORDS.DURATION_SECONDS).cast(SQLDataType.BIGINT), DSL.inline(0L));

    private final DSLContext dsl;

    CallReportQueries(DSLContext dsl) {
        this.dsl = dsl;
    }

    ResultQuery<Record1<Integer>> count(TenantId tenant, Instant from, Instant to) {
        return dsl.selectCount().from(CALL_RECORDS).where(window(tenant, from, to));
    }

    ResultQuery<Record6<LocalDate, Integer, Integer, Integer, Integer, Long>> byDay(
            TenantId tenant, Instant from, Instant to, ZoneId zone) {
        // The zone is inlined (it is a validated zone id, escaped as a literal) so that the select
        // list and the GROUP BY are the same expression; two bind parameters would not be.
        Field<LocalDate> day = DSL.field("({0} AT TIME ZONE {1})::date", SQLDataType.LOCALDATE,
                CALL_RECORDS.STARTED_AT, DSL.inline(zone.getId()));
        return dsl.select(day, DSL.count(), directed(CallDirection.INBOUND), directed(CallDirection.OUTBOUND),
                        directed(CallDirection.INTERNAL), DURATION)
                .from(CALL_RECORDS)
                .where(window(tenant, from, to))
                .groupBy(day)
                .orderBy(day);
    }

    ResultQuery<Record3<String, Integer, Long>> topExtensions(TenantId tenant, Instant from, Instant to, int limit) {
        return dsl.select(CALL_RECORDS.EXTENSION, DSL.count(), DURATION)
                .from(CALL_RECORDS)
                .where(window(tenant, from, to)).and(CALL_RECORDS.EXTENSION.isNotNull())
                .groupBy(CALL_RECORDS.EXTENSION)
                .orderBy(DSL.count().desc(), DURATION.desc(), CALL_RECORDS.EXTENSION.asc())
                .limit(limit);
    }

    private static Field<Integer> directed(CallDirection direction) {
        return DSL.count().filterWhere(CALL_RECORDS.DIRECTION.eq(direction.wireName()));
    }

    private static Condition window(TenantId tenant, Instant from, Instant to) {
        return CALL_RECORDS.TENANT_ID.eq(tenant.value())
                .and(CALL_RECORDS.STARTED_AT.ge(from))
                .and(CALL_RECORDS.STARTED_AT.lt(to));
    }
}
