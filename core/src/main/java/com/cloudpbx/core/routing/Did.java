package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A phone number outside callers dial, unique platform-wide, and where the tenant sends its calls.
 * With a schedule, calls outside its opening hours take the schedule's after-hours route instead.
 * {@code emergencyCallerId}: the number presented to emergency services for the tenant's calls.
 */
public record Did(UUID id, TenantId tenant, PhoneNumber number, RouteTarget route, UUID scheduleId,
                  boolean emergencyCallerId, boolean active, Instant createdAt, Instant updatedAt) {

    public Did {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(route, "route");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }
}
