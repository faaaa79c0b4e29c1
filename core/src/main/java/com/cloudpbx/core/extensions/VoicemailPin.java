package com.cloudpbx.core.extensions;

import com.cloudpbx.core.shared.DomainException;

/** A voicemail PIN: 4 to 6 digits. */
public final class VoicemailPin {

    private VoicemailPin() {
    }

    public static String require(String pin, String field) {
        if (pin == null || !pin.matches("^\\d{4,6}$")) {
            throw DomainException.invalid(field, "must be 4 to 6 digits");
        }
        return pin;
    }
}
