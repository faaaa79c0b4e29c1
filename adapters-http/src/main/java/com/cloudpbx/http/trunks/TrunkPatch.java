package com.cloudpbx.http.trunks;

import com.cloudpbx.core.shared.Change;
import com.cloudpbx.core.shared.DomainException;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;

/** The fields of a trunk update {@code JsonPatch} has no reader for: a number and a list of strings. */
final class TrunkPatch {

    private TrunkPatch() {
    }

    static Change<Integer> integer(JsonNode body, String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Change.absent();
        }
        if (value.isNull()) {
            return Change.to(null);
        }
        if (!value.isNumber() || value.getNumberValue().doubleValue() != Math.rint(value.getNumberValue().doubleValue())
                || Math.abs(value.getNumberValue().doubleValue()) > Integer.MAX_VALUE) {
            throw DomainException.invalid(field, "must be a whole number");
        }
        return Change.to(value.getNumberValue().intValue());
    }

    static Change<List<String>> strings(JsonNode body, String field) {
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
}
