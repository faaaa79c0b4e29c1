package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/** Extensions paged together: dialling {@code extensionCode} ({@code *} + digits) broadcasts to them. */
public record PagingGroup(UUID id, TenantId tenant, String name, String description, String extensionCode,
                          List<String> members, Instant createdAt, Instant updatedAt) {

    public PagingGroup {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(extensionCode, "extensionCode");
        members = List.copyOf(members);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
