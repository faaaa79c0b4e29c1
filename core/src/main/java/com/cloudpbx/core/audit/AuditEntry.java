package com.cloudpbx.core.audit;

import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One successful write: who did what to which resource, in which tenant, when and from where. */
public record AuditEntry(UUID id, Instant at, UUID actorId, PrincipalKind actorKind, TenantId tenant,
                         String action, String resource, String resourceId, String clientIp) {

    public AuditEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(actorKind, "actorKind");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(resource, "resource");
    }
}
