package com.cloudpbx.core.calls;

import com.cloudpbx.core.shared.DomainException;
import java.util.Locale;

/** listen: hear both sides; whisper: speak to the agent only; barge: speak to both. */
public enum EavesdropMode {
    LISTEN,
    WHISPER,
    BARGE;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static EavesdropMode parse(String value, String field) {
        if (value == null) {
            return LISTEN;
        }
        for (EavesdropMode mode : values()) {
            if (mode.wireName().equals(value)) {
                return mode;
            }
        }
        throw DomainException.invalid(field, "must be listen, whisper or barge");
    }
}
