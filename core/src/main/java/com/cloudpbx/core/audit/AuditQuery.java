package com.cloudpbx.core.audit;

import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.Optional;

/** Filters of the audit trail; an empty tenant means every tenant. */
public record AuditQuery(Optional<TenantId> tenant, Optional<String> resource, Optional<String> action,
                         Optional<Instant> from, Optional<Instant> toExclusive) {
}
