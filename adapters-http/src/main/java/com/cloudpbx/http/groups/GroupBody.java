package com.cloudpbx.http.groups;

import com.cloudpbx.core.shared.Change;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.http.shared.JsonPatch;
import io.micronaut.json.tree.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Reads a group's body field by field, for create and update alike: an absent field is
 * {@link Change#absent()} (a default on create, unchanged on update), and a value of the wrong
 * JSON type is a 400 naming the field, members included ({@code members[1].priority}).
 */
final class GroupBody {

    private final JsonNode body;
    private final JsonPatch patch;

    private GroupBody(JsonNode body) {
        this.patch = JsonPatch.of(body);
        this.body = body;
    }

    static GroupBody of(JsonNode body) {
        return new GroupBody(body);
    }

    Change<String> string(String field) {
        return patch.string(field);
    }

    Change<Integer> integer(String field) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Change.absent();
        }
        return Change.to(integerOrNull(value, field));
    }

    /** An array of member objects, each read by {@code member} (the object and its index). */
    <T> Change<List<T>> members(BiFunction<JsonNode, Integer, T> member) {
        JsonNode value = body.get("members");
        if (value == null) {
            return Change.absent();
        }
        if (value.isNull()) {
            return Change.to(null);
        }
        if (!value.isArray()) {
            throw DomainException.invalid("members", "must be an array");
        }
        List<T> members = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            JsonNode element = value.get(i);
            if (element == null || !element.isObject()) {
                throw DomainException.invalid("members[" + i + "]", "must be an object with an extension");
            }
            members.add(member.apply(element, i));
        }
        return Change.to(members);
    }

    /** A member's extension: a string, or a number sent as one ({@code 1001}). */
    static String extension(JsonNode member, int index) {
        JsonNode value = member.get("extension");
        if (value == null || value.isNull()) {
            return null;
        }
        if (value.isString()) {
            return value.getStringValue();
        }
        if (value.isNumber()) {
            return value.coerceStringValue();
        }
        throw DomainException.invalid("members[" + index + "].extension", "must be a string");
    }

    static Integer memberInteger(JsonNode member, int index, String field) {
        JsonNode value = member.get(field);
        return value == null ? null : integerOrNull(value, "members[" + index + "]." + field);
    }

    private static Integer integerOrNull(JsonNode value, String field) {
        if (value.isNull()) {
            return null;
        }
        if (!value.isNumber()) {
            throw DomainException.invalid(field, "must be a whole number");
        }
        BigDecimal number = value.getBigDecimalValue();
        try {
            return number.stripTrailingZeros().intValueExact();
        } catch (ArithmeticException notAnInt) {
            throw DomainException.invalid(field, "must be a whole number");
        }
    }
}
