package com.cloudpbx.core.audit;

import com.cloudpbx.core.audit.port.AuditLog;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.TenantId;
import java.time.Clock;
import java.util.UUID;

/** Writes audit entries for use cases; call it inside the transaction of the write it reports. */
public final class AuditRecorder {

    private final AuditLog log;
    private final Clock clock;

    public AuditRecorder(AuditLog log, Clock clock) {
        this.log = log;
        this.clock = clock;
    }

    public void record(Actor actor, TenantId tenant, String action, String resource, Object resourceId) {
        record(actor.principal(), tenant, action, resource, resourceId, actor.clientAddress());
    }

    public void record(Principal principal, TenantId tenant, String action, String resource, Object resourceId,
                       String clientIp) {
        log.append(new AuditEntry(UUID.randomUUID(), clock.instant(), principal.id(), principal.kind(), tenant,
                action, resource, resourceId == null ? null : resourceId.toString(), clientIp));
    }
}
