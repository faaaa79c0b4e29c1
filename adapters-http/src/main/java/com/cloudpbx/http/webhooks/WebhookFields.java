package com.cloudpbx.http.webhooks;

import com.cloudpbx.core.shared.Change;
import com.cloudpbx.core.shared.DomainException;
import io.micronaut.json.tree.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a webhook body, create or partial update, field by field: an absent field is
 * {@link Change#absent()}, an explicit null a change to null, and a value of the wrong JSON type a
 * 400 naming the field, so a client learns which field is wrong rather than that the body is.
 */
final class WebhookFields {

    private final JsonNode body;

    private WebhookFields(JsonNode body) {
        this.body = body;
    }

    static WebhookFields of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw DomainException.badRequest("INVALID_BODY", "The request body must be a JSON object");
        }
        return new WebhookFields(body);
    }

    /** An optional body: none at all reads as an empty object. */
    static WebhookFields ofOptional(JsonNode body) {
        return body == null || body.isNull() ? new WebhookFields(JsonNode.createObjectNode(Map.of())) : of(body);
    }

    boolean has(String field) {
        return body.get(field) != null;
    }

    Change<String> text(String field) {
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

    Change<Boolean> bool(String field) {
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

    Change<Integer> integer(String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Change.absent();
        }
        if (value.isNull()) {
            return Change.to(null);
        }
        if (!value.isNumber()) {
            throw DomainException.invalid(field, "must be a whole number");
        }
        try {
            return Change.to(new BigDecimal(value.getNumberValue().toString()).intValueExact());
        } catch (ArithmeticException | NumberFormatException notAnInt) {
            throw DomainException.invalid(field, "must be a whole number in range");
        }
    }

    Change<List<String>> strings(String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Change.absent();
        }
        if (value.isNull()) {
            return Change.to(null);
        }
        if (!value.isArray()) {
            throw DomainException.invalid(field, "must be a list of event names");
        }
        List<String> items = new ArrayList<>();
        for (JsonNode item : value.values()) {
            if (!item.isString()) {
                throw DomainException.invalid(field, "must be a list of event names");
            }
            items.add(item.getStringValue());
        }
        return Change.to(items);
    }

    /** An object whose values are strings: the custom headers. */
    Change<Map<String, String>> stringMap(String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Change.absent();
        }
        if (value.isNull()) {
            return Change.to(null);
        }
        if (!value.isObject()) {
            throw DomainException.invalid(field, "must be an object of header names to string values");
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
