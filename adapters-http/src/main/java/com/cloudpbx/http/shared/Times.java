package com.cloudpbx.http.shared;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

/** Times on the wire: ISO-8601 UTC with a Z, to the second. */
public final class Times {

    private Times() {
    }

    public static String iso(Instant instant) {
        return instant == null ? null : instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }
}
