package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A voice menu: the greeting is played, the caller presses a digit and the option for it routes
 * the call; no digit within {@code timeoutSeconds}, {@code maxRetries} times, takes the timeout route.
 */
public record IvrMenu(UUID id, TenantId tenant, String name, String greeting, int timeoutSeconds, int maxRetries,
                      List<IvrOption> options, RouteTarget timeout, Instant createdAt, Instant updatedAt) {

    public IvrMenu {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(greeting, "greeting");
        Objects.requireNonNull(timeout, "timeout");
        options = List.copyOf(options);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** One key of the menu: a digit 0-9, * or #, and where it sends the call. */
    public record IvrOption(String digit, RouteTarget target) {

        public IvrOption {
            if (digit == null || !digit.matches("^[0-9*#]$")) {
                throw new IllegalArgumentException("an option is one key: 0-9, * or #");
            }
            Objects.requireNonNull(target, "target");
        }
    }
}
