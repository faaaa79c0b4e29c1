package com.cloudpbx.core.shared;

/** Small argument checks that turn bad input into a field-level {@link DomainException}. */
public final class Checks {

    private Checks() {
    }

    public static String requireText(String value, String field, int maxLength) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        String trimmed = value.strip();
        if (trimmed.length() > maxLength) {
            throw DomainException.invalid(field, "must be at most " + maxLength + " characters");
        }
        if (trimmed.chars().anyMatch(Character::isISOControl)) {
            throw DomainException.invalid(field, "must not contain control characters");
        }
        return trimmed;
    }

    public static <T> T required(T value, String field) {
        if (value == null) {
            throw DomainException.invalid(field, "is required");
        }
        return value;
    }
}
