package com.cloudpbx.core.extensions;

import com.cloudpbx.core.shared.DomainException;
import java.util.regex.Pattern;

/** An extension number: 2 to 8 digits, unique within a tenant. */
public record ExtensionNumber(String value) {

    private static final Pattern DIGITS = Pattern.compile("^\\d{2,8}$");

    public ExtensionNumber {
        if (value == null || !DIGITS.matcher(value).matches()) {
            throw new IllegalArgumentException("not an extension number");
        }
    }

    public static ExtensionNumber parse(String input, String field) {
        if (input == null || input.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        String candidate = input.strip();
        if (!DIGITS.matcher(candidate).matches()) {
            throw DomainException.invalid(field, "must be 2 to 8 digits");
        }
        return new ExtensionNumber(candidate);
    }

    public static boolean isValid(String input) {
        return input != null && DIGITS.matcher(input).matches();
    }

    @Override
    public String toString() {
        return value;
    }
}
