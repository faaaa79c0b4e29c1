package com.cloudpbx.storage.postgres.audit;

import static com.cloudpbx.storage.postgres.schema.Tables.AUDIT_LOG;

import com.cloudpbx.core.audit.AuditEntry;
import com.cloudpbx.core.audit.AuditQuery;
import com.cloudpbx.core.audit.port.AuditLog;
import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.TenantId;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * The audit trail in PostgreSQL: appended through Micronaut Data, read through a jOOQ query whose
 * filters are the ones the caller set. Both join the caller's transaction, so an entry commits
 * with the write it reports.
 */
@Singleton
@Connectable
public class JdbcAuditLog implements AuditLog {

    private final AuditRows rows;
    private final DSLContext dsl;

    public JdbcAuditLog(AuditRows rows, DSLContext dsl) {
        this.rows = rows;
        this.dsl = dsl;
    }

    @Override
    public void append(AuditEntry entry) {
        rows.save(new AuditRow(entry.id(), entry.at(), entry.actorId(), entry.actorKind().wireName(),
                entry.tenant() == null ? null : entry.tenant().value(), entry.action(), entry.resource(),
                entry.resourceId(), entry.clientIp()));
    }

    /** Newest first, ties broken by id so pages never overlap or skip. */
    @Override
    public Page<AuditEntry> find(AuditQuery query, PageRequest page) {
        Condition filter = DSL.and(conditions(query));
        long total = dsl.fetchCount(AUDIT_LOG, filter);
        List<AuditEntry> items = total <= page.offset() ? List.of()
                : dsl.select(AUDIT_LOG.fields()).from(AUDIT_LOG).where(filter)
                        .orderBy(AUDIT_LOG.AT.desc(), AUDIT_LOG.ID.desc())
                        .offset(page.offset())
                        .limit(page.limit())
                        .fetch(JdbcAuditLog::toEntry);
        return new Page<>(items, page, total);
    }

    private static List<Condition> conditions(AuditQuery query) {
        List<Condition> conditions = new ArrayList<>();
        query.tenant().ifPresent(tenant -> conditions.add(AUDIT_LOG.TENANT_ID.eq(tenant.value())));
        query.resource().ifPresent(resource -> conditions.add(AUDIT_LOG.RESOURCE.eq(resource)));
        query.action().ifPresent(action -> conditions.add(AUDIT_LOG.ACTION.eq(action)));
        query.from().ifPresent(from -> conditions.add(AUDIT_LOG.AT.ge(ceilToMicros(from))));
        query.toExclusive().ifPresent(to -> conditions.add(AUDIT_LOG.AT.lt(ceilToMicros(to))));
        return conditions;
    }

    /**
     * timestamptz keeps microseconds and PostgreSQL would round a finer bound to the nearest one:
     * {@code at < t + 1ns} would become {@code at < t} and drop the entry at t. Every stored time
     * is whole microseconds, so rounding a bound up compares exactly as the finer bound would.
     */
    static Instant ceilToMicros(Instant bound) {
        Instant floor = bound.truncatedTo(ChronoUnit.MICROS);
        return floor.equals(bound) ? bound : floor.plus(1, ChronoUnit.MICROS);
    }

    private static AuditEntry toEntry(Record row) {
        UUID tenant = row.get(AUDIT_LOG.TENANT_ID);
        return new AuditEntry(row.get(AUDIT_LOG.ID), row.get(AUDIT_LOG.AT), row.get(AUDIT_LOG.ACTOR_ID),
                PrincipalKind.fromWireName(row.get(AUDIT_LOG.ACTOR_KIND)), tenant == null ? null : TenantId.of(tenant),
                row.get(AUDIT_LOG.ACTION), row.get(AUDIT_LOG.RESOURCE), row.get(AUDIT_LOG.RESOURCE_ID),
                row.get(AUDIT_LOG.CLIENT_IP));
    }
}
