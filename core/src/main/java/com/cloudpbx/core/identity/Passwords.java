package com.cloudpbx.core.identity;

import com.cloudpbx.core.shared.DomainException;

/** The rules for passwords of admin and superadmin accounts. */
public final class Passwords {

    public static final int MIN_LENGTH = 8;
    public static final int MAX_LENGTH = 72;

    private Passwords() {
    }

    /** bcrypt reads at most 72 bytes, so longer passwords would silently be truncated. */
    public static String requireAccountPassword(String password, String field) {
        if (password == null || password.isEmpty()) {
            throw DomainException.invalid(field, "is required");
        }
        if (password.length() < MIN_LENGTH) {
            throw DomainException.invalid(field, "must be at least " + MIN_LENGTH + " characters");
        }
        if (password.getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_LENGTH) {
            throw DomainException.invalid(field, "must be at most " + MAX_LENGTH + " bytes");
        }
        return password;
    }
}
