package com.cloudpbx.freeswitch.media;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Typed reads of one JSON object from FreeSWITCH, lenient about how a field is written: the
 * channel list gives every column as a string, {@code json_list} gives numbers and booleans,
 * and {@code _undef_} or an empty string stands for no value.
 */
record JsonFields(JsonNode object) {

    static Optional<JsonFields> of(JsonNode value) {
        return value != null && value.isObject() ? Optional.of(new JsonFields(value)) : Optional.empty();
    }

    Optional<String> text(String name) {
        JsonNode value = object.get(name);
        String text = null;
        if (value == null) {
            text = null;
        } else if (value.isTextual()) {
            text = value.textValue();
        } else if (value.isNumber()) {
            text = value.decimalValue().toPlainString();
        } else if (value.isBoolean()) {
            text = Boolean.toString(value.booleanValue());
        }
        if (text == null || text.isBlank() || "_undef_".equals(text)) {
            return Optional.empty();
        }
        return Optional.of(text);
    }

    Optional<Long> number(String name) {
        return text(name).flatMap(value -> {
            try {
                return Optional.of(new BigDecimal(value.strip()).longValue());
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        });
    }

    Optional<Boolean> flag(String name) {
        return text(name).map(value -> "true".equalsIgnoreCase(value) || "1".equals(value));
    }

    Optional<UUID> uuid(String name) {
        return text(name).flatMap(value -> {
            try {
                UUID parsed = UUID.fromString(value.strip());
                return parsed.toString().equalsIgnoreCase(value.strip()) ? Optional.of(parsed) : Optional.empty();
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        });
    }

    Optional<JsonFields> child(String name) {
        return of(object.get(name));
    }

    /** The objects of the array {@code name}; anything else in it, or no such array, is left out. */
    List<JsonFields> objects(String name) {
        return objectsOf(object.get(name));
    }

    /** The objects of {@code array}, or none when it is not an array. */
    static List<JsonFields> objectsOf(JsonNode array) {
        List<JsonFields> objects = new ArrayList<>();
        if (array != null && array.isArray()) {
            array.forEach(item -> of(item).ifPresent(objects::add));
        }
        return objects;
    }
}
