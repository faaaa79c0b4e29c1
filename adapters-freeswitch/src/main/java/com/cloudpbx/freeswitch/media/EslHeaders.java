package com.cloudpbx.freeswitch.media;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;

/**
 * The URL-decoded headers of one ESL event, as the client delivers them (the body, if any, under
 * {@code _body}). FreeSWITCH writes {@code _undef_} for a field it has no value for; that, like an
 * empty or missing header, reads as absent.
 *
 * <p>Read in place, never copied: a channel event has a couple of hundred headers, the translator
 * reads a handful, and the client decodes a value only when it is read. An event's headers do not
 * change once delivered.
 */
record EslHeaders(Map<String, String> values) {

    private static final String UNDEFINED = "_undef_";

    EslHeaders {
        Objects.requireNonNull(values, "values");
    }

    Optional<String> text(String name) {
        String value = values.get(name);
        if (value == null || value.isBlank() || UNDEFINED.equals(value)) {
            return Optional.empty();
        }
        return Optional.of(value);
    }

    /** The first of the headers that is present. */
    Optional<String> first(String... names) {
        for (String name : names) {
            Optional<String> value = text(name);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    Optional<UUID> uuid(String name) {
        return text(name).flatMap(EslHeaders::parseUuid);
    }

    OptionalLong number(String name) {
        Optional<String> value = text(name);
        if (value.isEmpty()) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(value.get().strip()));
        } catch (NumberFormatException notANumber) {
            return OptionalLong.empty();
        }
    }

    /** {@code Event-Date-Timestamp}: microseconds since the epoch. */
    Optional<Instant> timestamp() {
        OptionalLong micros = number("Event-Date-Timestamp");
        if (micros.isEmpty() || micros.getAsLong() < 0) {
            return Optional.empty();
        }
        long value = micros.getAsLong();
        return Optional.of(Instant.ofEpochSecond(value / 1_000_000, (value % 1_000_000) * 1_000));
    }

    private static Optional<UUID> parseUuid(String value) {
        try {
            UUID parsed = UUID.fromString(value.strip());
            // UUID.fromString accepts shortened groups; only the canonical form is a channel uuid.
            return parsed.toString().equalsIgnoreCase(value.strip()) ? Optional.of(parsed) : Optional.empty();
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }
}
