package com.cloudpbx.http.shared;

import com.cloudpbx.core.shared.Change;
import com.cloudpbx.core.shared.DomainException;
import io.micronaut.json.tree.JsonNode;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the fields of a routing resource's body, create or partial update, from its JSON tree: an
 * absent field is {@link Change#absent()}, an explicit null is a change to null, and a value of
 * the wrong JSON type is a 400 naming the field by its path ({@code options[2].digit}). Texts may
 * come as numbers (extensions, keys: {@code 1001} or {@code "1001"}).
 */
public final class BodyFields {

    private final JsonNode body;
    private final String prefix;

    private BodyFields(JsonNode body, String prefix) {
        this.body = body;
        this.prefix = prefix;
    }

    /** The request body, which must be a JSON object. */
    public static BodyFields of(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw DomainException.badRequest("INVALID_BODY", "The request body must be a JSON object");
        }
        return new BodyFields(body, "");
    }

    public Change<String> text(String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Change.absent();
        }
        if (value.isNull()) {
            return Change.to(null);
        }
        if (value.isString()) {
            return Change.to(value.getStringValue());
        }
        if (value.isNumber()) {
            return Change.to(whole(value, field).toString());
        }
        throw DomainException.invalid(path(field), "must be a string");
    }

    public Change<Integer> integer(String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Change.absent();
        }
        if (value.isNull()) {
            return Change.to(null);
        }
        if (!value.isNumber()) {
            throw DomainException.invalid(path(field), "must be a whole number");
        }
        BigInteger number = whole(value, field);
        try {
            return Change.to(number.intValueExact());
        } catch (ArithmeticException tooBig) {
            throw DomainException.invalid(path(field), "is out of range");
        }
    }

    /** A list of objects, each read by its own {@code BodyFields} named {@code field[i]}. */
    public Change<List<BodyFields>> objects(String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Change.absent();
        }
        if (value.isNull()) {
            return Change.to(null);
        }
        if (!value.isArray()) {
            throw DomainException.invalid(path(field), "must be a list");
        }
        List<BodyFields> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode item = value.get(i);
            String itemPath = path(field) + "[" + i + "]";
            if (item == null || !item.isObject()) {
                throw DomainException.invalid(itemPath, "must be an object");
            }
            items.add(new BodyFields(item, itemPath + "."));
        }
        return Change.to(items);
    }

    private BigInteger whole(JsonNode value, String field) {
        try {
            return new BigDecimal(value.getNumberValue().toString()).toBigIntegerExact();
        } catch (ArithmeticException | NumberFormatException notWhole) {
            throw DomainException.invalid(path(field), "must be a whole number");
        }
    }

    private String path(String field) {
        return prefix + field;
    }
}
