package com.cloudpbx.core.extensions;

import com.cloudpbx.core.shared.DomainException;

/** Rules for SIP passwords: they are typed into phones, so printable ASCII, 6 to 128 characters. */
public final class SipPasswords {

    public static final int MIN_LENGTH = 6;
    public static final int MAX_LENGTH = 128;

    private SipPasswords() {
    }

    public static String require(String password, String field) {
        if (password == null || password.isEmpty()) {
            throw DomainException.invalid(field, "is required");
        }
        if (password.length() < MIN_LENGTH || password.length() > MAX_LENGTH) {
            throw DomainException.invalid(field,
                    "must be " + MIN_LENGTH + " to " + MAX_LENGTH + " characters");
        }
        if (!password.chars().allMatch(c -> c >= 0x21 && c <= 0x7e)) {
            throw DomainException.invalid(field, "must be printable ASCII without spaces");
        }
        return password;
    }
}
