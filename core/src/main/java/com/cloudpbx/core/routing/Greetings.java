package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.DomainException;
import java.util.Locale;
import java.util.UUID;

/**
 * What a menu plays first: a phrase for text-to-speech (at most 1000 characters), or a recording
 * referenced as {@code recording:<uuid>}, stored with the uuid in its canonical lower-case form.
 */
final class Greetings {

    static final String RECORDING = "recording:";
    private static final int MAX_TEXT = 1000;

    private Greetings() {
    }

    static String require(String input, String field) {
        if (input == null || input.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        String greeting = input.strip();
        if (greeting.toLowerCase(Locale.ROOT).startsWith(RECORDING)) {
            try {
                return RECORDING + UUID.fromString(greeting.substring(RECORDING.length()).strip());
            } catch (IllegalArgumentException e) {
                throw DomainException.invalid(field, "a recording greeting is recording:<uuid>");
            }
        }
        if (greeting.length() > MAX_TEXT) {
            throw DomainException.invalid(field, "must be at most " + MAX_TEXT + " characters");
        }
        if (greeting.chars().anyMatch(c -> Character.isISOControl(c) && c != '\n')) {
            throw DomainException.invalid(field, "must not contain control characters");
        }
        return greeting;
    }
}
