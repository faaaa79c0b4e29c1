package com.cloudpbx.core.shared;

import java.util.Objects;

/** An API-key scope such as {@code calls:read}; a write scope includes reading. */
public record Scope(Resource resource, Access access) {

    public Scope {
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(access, "access");
    }

    public static Scope parse(String value, String field) {
        if (value != null) {
            int colon = value.indexOf(':');
            if (colon > 0) {
                var resource = Resource.byWireName(value.substring(0, colon));
                String verb = value.substring(colon + 1);
                if (resource.isPresent() && (verb.equals("read") || verb.equals("write"))) {
                    return new Scope(resource.get(), verb.equals("read") ? Access.READ : Access.WRITE);
                }
            }
        }
        throw DomainException.invalid(field, "'" + value + "' is not a scope of the form <resource>:read|write");
    }

    public boolean grants(Resource wanted, Access wantedAccess) {
        return resource == wanted && (access == Access.WRITE || wantedAccess == Access.READ);
    }

    public String wireName() {
        return resource.wireName() + ":" + (access == Access.READ ? "read" : "write");
    }
}
