package com.cloudpbx.core.audit;

import com.cloudpbx.core.audit.port.AuditLog;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.shared.Resource;
import com.cloudpbx.core.shared.UtcDates;
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
                filter.dateFrom().map(d -> UtcDates.startOf(d, "dateFrom")),
                filter.dateTo().map(d -> UtcDates.afterEndOf(d, "dateTo")));
        return log.find(query, page);
    }

    /** Query filters as the client sent them; dates are ISO dates or instants, inclusive, in UTC. */
    public record Filter(Optional<String> resource, Optional<String> action, Optional<String> dateFrom,
                         Optional<String> dateTo) {
    }

    private static Optional<String> blankToEmpty(Optional<String> value) {
        return value.filter(v -> !v.isBlank());
    }
}
