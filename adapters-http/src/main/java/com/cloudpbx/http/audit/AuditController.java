package com.cloudpbx.http.audit;

import com.cloudpbx.core.audit.AuditEntry;
import com.cloudpbx.core.audit.ReadAuditLog;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.http.shared.Pagination;
import com.cloudpbx.http.shared.Times;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.security.annotation.Secured;
import io.micronaut.security.rules.SecurityRule;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import java.util.Optional;

/** The audit trail: admins read their tenant's, superadmins every tenant's. */
@Controller("/api/audit-log")
@ExecuteOn(TaskExecutors.BLOCKING)
@Secured(SecurityRule.IS_AUTHENTICATED)
@Tag(name = "Audit")
public class AuditController {

    private final ReadAuditLog auditLog;

    public AuditController(ReadAuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Get
    public AuditPage list(@Parameter(hidden = true) Actor actor, @Nullable @QueryValue Integer page,
                          @Nullable @QueryValue Integer limit, @Nullable @QueryValue String resource,
                          @Nullable @QueryValue String action, @Nullable @QueryValue String dateFrom,
                          @Nullable @QueryValue String dateTo) {
        var found = auditLog.list(actor, new ReadAuditLog.Filter(Optional.ofNullable(resource),
                Optional.ofNullable(action), Optional.ofNullable(dateFrom), Optional.ofNullable(dateTo)),
                PageRequest.of(page, limit));
        return new AuditPage(found.items().stream().map(EntryView::of).toList(), Pagination.of(found));
    }

    @Serdeable
    public record AuditPage(List<EntryView> entries, Pagination pagination) {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record EntryView(String id, String at, @JsonProperty("actor_id") @Nullable String actorId,
                            @JsonProperty("actor_kind") String actorKind,
                            @JsonProperty("tenant_id") @Nullable String tenantId, String action, String resource,
                            @JsonProperty("resource_id") @Nullable String resourceId,
                            @JsonProperty("client_ip") @Nullable String clientIp) {

        static EntryView of(AuditEntry entry) {
            return new EntryView(entry.id().toString(), Times.iso(entry.at()),
                    entry.actorId() == null ? null : entry.actorId().toString(), entry.actorKind().wireName(),
                    entry.tenant() == null ? null : entry.tenant().toString(), entry.action(), entry.resource(),
                    entry.resourceId(), entry.clientIp());
        }
    }
}
