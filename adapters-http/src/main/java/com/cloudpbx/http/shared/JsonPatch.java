package com.cloudpbx.http.shared;

import com.cloudpbx.core.shared.Change;
import com.cloudpbx.core.shared.DomainException;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a body field by field — a create or a partial update — telling an absent field (leave it)
 * from an explicit null (clear it), and refusing a value of the wrong JSON type with the field's
 * name, so a client learns which field is wrong rather than that the body is.
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

    /** An optional body: none at all reads as an empty object. */
    public static JsonPatch ofOptional(JsonNode body) {
        return body == null || body.isNull() ? new JsonPatch(JsonNode.createObjectNode(Map.of())) : of(body);
    }

    public boolean has(String field) {
        return body.get(field) != null;
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

    /** A whole number that fits an int, as {@link BodyFields#integer} reads it. */
    public Change<Integer> integer(String field) {
        return BodyFields.of(body).integer(field);
    }

    public Change<List<String>> strings(String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Change.absent();
        }
        if (value.isNull()) {
            return Change.to(null);
        }
        if (!value.isArray()) {
            throw DomainException.invalid(field, "must be a list of strings");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value.values()) {
            if (!item.isString()) {
                throw DomainException.invalid(field, "must be a list of strings");
            }
            items.add(item.getStringValue());
        }
        return Change.to(items);
    }

    /** An object whose values are all strings, its entries in the order given. */
    public Change<Map<String, String>> stringMap(String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Change.absent();
        }
        if (value.isNull()) {
            return Change.to(null);
        }
        if (!value.isObject()) {
            throw DomainException.invalid(field, "must be an object of names to string values");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : value.entries()) {
            if (!entry.getValue().isString()) {
                throw DomainException.invalid(field, "the value of " + entry.getKey() + " must be a string");
            }
            entries.put(entry.getKey(), entry.getValue().getStringValue());
        }
        return Change.to(entries);
    }
}
