package com.cloudpbx.core.tenants;

import com.cloudpbx.core.shared.DomainException;
import java.util.Locale;
import java.util.regex.Pattern;

/** A tenant's DNS label: lowercase letters, digits and inner hyphens, 2 to 63 characters. */
public record Subdomain(String value) {

    private static final Pattern LABEL = Pattern.compile("^[a-z0-9][a-z0-9-]{0,61}[a-z0-9]$");

    public Subdomain {
        if (value == null || !LABEL.matcher(value).matches()) {
            throw new IllegalArgumentException("not a DNS label");
        }
    }

    public static Subdomain parse(String input, String field) {
        if (input == null || input.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        String candidate = input.strip().toLowerCase(Locale.ROOT);
        if (!LABEL.matcher(candidate).matches()) {
            throw DomainException.invalid(field,
                    "must be 2-63 lowercase letters, digits or hyphens, not starting or ending with a hyphen");
        }
        return new Subdomain(candidate);
    }

    @Override
    public String toString() {
        return value;
    }
}
