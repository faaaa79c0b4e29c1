package com.cloudpbx.http.shared;

import com.cloudpbx.core.shared.Change;
import com.cloudpbx.core.shared.DomainException;
import io.micronaut.json.tree.JsonNode;

/**
 * Reads a partial-update body field by field, telling an absent field (leave it) from an explicit
 * null (clear it), and refusing a value of the wrong JSON type with the field's name.
 */
public final class JsonPatch {

    private final JsonNode body;

    private JsonPatch(JsonNode body) {
        this.body = body;
    }

    public static JsonPatch of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw DomainException.badRequest("INVALID_BODY", "The request body must be a JSON object");
        }
        return new JsonPatch(body);
    }

    public Change<String> string(String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Change.absent();
        }
        if (value.isNull()) {
            return Change.to(null);
        }
        if (!value.isString()) {
            throw DomainException.invalid(field, "must be a string");
        }
        return Change.to(value.getStringValue());
    }

    public Change<Boolean> bool(String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Change.absent();
        }
        if (value.isNull()) {
            return Change.to(null);
        }
        if (!value.isBoolean()) {
            throw DomainException.invalid(field, "must be true or false");
        }
        return Change.to(value.getBooleanValue());
    }
}
