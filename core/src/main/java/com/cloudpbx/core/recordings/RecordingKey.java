package com.cloudpbx.core.recordings;

import com.cloudpbx.core.shared.TenantId;
import java.time.LocalDate;
import java.time.DateTimeException;
import java.util.Locale;
import java.util.Objects;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Where one call's recording is kept: {@code <tenant>/<yyyy>/<mm>/<dd>/<call-uuid>.<ext>}.
 * Every part is a UUID, a date or a short lower-case extension, so a key can never name anything
 * outside the store (no {@code ..}, no leading {@code /}, no separators of its own), and the
 * tenant comes first so a tenant's recordings can be listed or removed by prefix.
 *
 * @param tenant    the tenant the call belongs to
 * @param day       the day the call started, in UTC
 * @param callId    the call's UUID
 * @param extension the file's format: 1 to 8 lower-case letters or digits ({@code wav}, {@code mp3})
 */
public record RecordingKey(TenantId tenant, LocalDate day, UUID callId, String extension) {

    private static final Pattern EXTENSION = Pattern.compile("[a-z0-9]{1,8}");
    private static final Pattern KEY = Pattern.compile(
            "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})/(\\d{4})/(\\d{2})/(\\d{2})/"
                    + "([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})\\.([a-z0-9]{1,8})");

    public RecordingKey {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(callId, "callId");
        Objects.requireNonNull(extension, "extension");
        if (!EXTENSION.matcher(extension).matches()) {
            throw new IllegalArgumentException(
                    "a recording's extension is 1 to 8 lower-case letters or digits, not '" + extension + "'");
        }
        if (day.getYear() < 1000 || day.getYear() > 9999) {
            throw new IllegalArgumentException("a recording's day has a four-digit year, not " + day);
        }
    }

    /**
     * Reads a key written by {@link #value()}; anything else (another layout, upper case, {@code ..},
     * a leading or doubled {@code /}) is refused.
     *
     * @throws IllegalArgumentException naming the key when it is not one
     */
    public static RecordingKey parse(String key) {
        Objects.requireNonNull(key, "key");
        var m = KEY.matcher(key);
        if (!m.matches()) {
            throw new IllegalArgumentException(
                    "not a recording key (<tenant-uuid>/<yyyy>/<mm>/<dd>/<call-uuid>.<ext>): '" + key + "'");
        }
        try {
            var day = LocalDate.of(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                    Integer.parseInt(m.group(4)));
            return new RecordingKey(TenantId.of(UUID.fromString(m.group(1))), day,
                    UUID.fromString(m.group(5)), m.group(6));
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("not a recording key, no such day: '" + key + "'", e);
        }
    }

    /** The key as the store names the object. */
    public String value() {
        return String.format(Locale.ROOT, "%s/%04d/%02d/%02d/%s.%s", tenant.value(), day.getYear(),
                day.getMonthValue(), day.getDayOfMonth(), callId, extension);
    }

    @Override
    public String toString() {
        return value();
    }
}
