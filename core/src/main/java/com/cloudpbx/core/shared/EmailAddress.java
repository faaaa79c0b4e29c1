package com.cloudpbx.core.shared;

import java.util.Locale;
import java.util.regex.Pattern;

/** An e-mail address, compared case-insensitively. */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile("^[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]{2,}$");

    public EmailAddress {
        if (value == null || value.length() > 254 || !SHAPE.matcher(value.strip()).matches()) {
            throw new IllegalArgumentException("not an e-mail address");
        }
        value = value.strip().toLowerCase(Locale.ROOT);
    }

    public static EmailAddress parse(String value, String field) {
        try {
            return new EmailAddress(value);
        } catch (IllegalArgumentException e) {
            throw DomainException.invalid(field, value == null ? "is required" : "must be an e-mail address");
        }
    }

    @Override
    public String toString() {
        return value;
    }
}
