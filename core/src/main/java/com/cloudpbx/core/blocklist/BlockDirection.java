package com.cloudpbx.core.blocklist;

import com.cloudpbx.core.shared.DomainException;
import java.util.Locale;

/** Which calls a blocklist entry stops: from the number, to the number, or both. */
public enum BlockDirection {
    INBOUND,
    OUTBOUND,
    BOTH;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static BlockDirection parse(String value, String field) {
        if (value == null || value.isBlank()) {
            throw DomainException.invalid(field, "is required");
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "inbound" -> INBOUND;
            case "outbound" -> OUTBOUND;
            case "both" -> BOTH;
            default -> throw DomainException.invalid(field, "must be inbound, outbound or both");
        };
    }

    /**
     * Whether an entry of this direction applies to a call going {@code call}; a call direction of
     * {@link #BOTH} stands for "either way" (a check that asks about any direction).
     */
    public boolean covers(BlockDirection call) {
        return this == BOTH || call == BOTH || this == call;
    }
}
