package com.cloudpbx.core.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

/**
 * Date filters as clients send them: an ISO date is a whole UTC day, an instant is that moment.
 * Both ends are inclusive, so the end of a range is given as the first instant after it.
 */
public final class UtcDates {

    private UtcDates() {
    }

    public static Instant startOf(String value, String field) {
        return parse(value, field, false);
    }

    /** The first instant after the day or moment named, for an exclusive upper bound. */
    public static Instant afterEndOf(String value, String field) {
        return parse(value, field, true);
    }

    /**
     * One unit of the precision the client wrote: {@code 14:03:22Z} names the whole second (as the
     * API shows times), {@code 14:03:22.5Z} a tenth of one.
     */
    private static long precisionNanos(String value) {
        int dot = value.indexOf('.');
        if (dot < 0) {
            return 1_000_000_000L;
        }
        int digits = 0;
        while (dot + 1 + digits < value.length() && Character.isDigit(value.charAt(dot + 1 + digits))) {
            digits++;
        }
        return (long) Math.pow(10, Math.max(0, 9 - digits));
    }

    private static Instant parse(String value, String field, boolean after) {
        try {
            if (value.length() == 10) {
                LocalDate date = LocalDate.parse(value);
                return (after ? date.plusDays(1) : date).atStartOfDay().toInstant(ZoneOffset.UTC);
            }
            Instant instant = Instant.parse(value);
            return after ? instant.plusNanos(precisionNanos(value)) : instant;
        } catch (DateTimeParseException e) {
            throw DomainException.invalid(field, "must be an ISO date (2026-06-01) or instant (2026-06-01T14:03:22Z)");
        }
    }
}
