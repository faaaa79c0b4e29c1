package com.cloudpbx.core.audit;

import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.shared.Resource;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** Lists the audit trail: admins see their tenant, superadmins every tenant or the one they act in. */
public final class ReadAuditLog {

    private final AuditLog log;

    public ReadAuditLog(AuditLog log) {
        this.log = log;
    }

    public Page<AuditEntry> list(Actor actor, Filter filter, PageRequest page) {
        actor.require(Resource.AUDIT_LOG, Access.READ);
        var query = new AuditQuery(actor.tenantScope(), blankToEmpty(filter.resource()), blankToEmpty(filter.action()),
                filter.dateFrom().map(d -> startOf(d, "dateFrom")),
                filter.dateTo().map(d -> endOf(d, "dateTo")));
        return log.find(query, page);
    }

    /** Query filters as the client sent them; dates are ISO dates or instants, inclusive, in UTC. */
    public record Filter(Optional<String> resource, Optional<String> action, Optional<String> dateFrom,
                         Optional<String> dateTo) {
    }

    private static Optional<String> blankToEmpty(Optional<String> value) {
        return value.filter(v -> !v.isBlank());
    }

    static Instant startOf(String value, String field) {
        return parse(value, field, false);
    }

    static Instant endOf(String value, String field) {
        return parse(value, field, true);
    }

    /** A plain date covers the whole UTC day; an instant is taken as it is. */
    private static Instant parse(String value, String field, boolean endOfDay) {
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (endOfDay ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            Instant instant = Instant.parse(value);
            return endOfDay ? instant.plusNanos(1) : instant;
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "must be an ISO date (2026-06-01) or instant (2026-06-01T14:03:22Z)");
        }
    }
}
