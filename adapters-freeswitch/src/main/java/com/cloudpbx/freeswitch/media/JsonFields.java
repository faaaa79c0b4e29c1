package com.cloudpbx.freeswitch.media;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Typed reads of one JSON object from FreeSWITCH, lenient about how a field is written: the
 * channel list gives every column as a string, {@code json_list} gives numbers and booleans,
 * and {@code _undef_} or an empty string stands for no value.
 */
record JsonFields(Map<?, ?> object) {

    static Optional<JsonFields> of(Object value) {
        return value instanceof Map<?, ?> map ? Optional.of(new JsonFields(map)) : Optional.empty();
    }

    Optional<String> text(String name) {
        Object value = object.get(name);
        String text = switch (value) {
            case null -> null;
            case String s -> s;
            case BigDecimal n -> n.toPlainString();
            case Boolean b -> b.toString();
            default -> null;
        };
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

    List<?> list(String name) {
        return object.get(name) instanceof List<?> items ? items : List.of();
    }
}
