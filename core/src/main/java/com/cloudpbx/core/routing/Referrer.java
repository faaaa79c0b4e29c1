package com.cloudpbx.core.routing;

import java.util.Objects;
import java.util.UUID;

/**
 * A resource that sends calls somewhere, named for the 400 that refuses to delete what it points
 * at: {@code ring group 'Sales' (no-answer target)}.
 */
public record Referrer(String kind, UUID id, String name, String field) {

    public Referrer {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(field, "field");
    }

    public String describe() {
        return kind + " '" + name + "' (" + field + ")";
    }
}
