package com.cloudpbx.http.calls;

import com.cloudpbx.core.shared.DomainException;
import java.util.UUID;

/** Channel uuids named in request bodies: a missing or malformed one is a 400 naming the field. */
final class CallUuids {

    private CallUuids() {
    }

    static UUID required(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        return parse(value, field);
    }

    static UUID optional(String value, String field) {
        return value == null || value.isBlank() ? null : parse(value, field);
    }

    private static UUID parse(String value, String field) {
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, "must be a call UUID");
        }
    }
}
