package com.cloudpbx.http.xmlcurl;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The destination an IVR menu transfers a caller to: {@code voip-ivr-<menu id>-<key>-<hops>},
 * where the key is 0-9, * or #, or {@code timeout} when the caller pressed nothing.
 */
record MenuDestination(UUID menuId, String key, int hops) {

    private static final Pattern SHAPE = Pattern.compile(
            "^" + Dialplan.MENU_PREFIX + "([0-9a-f-]{36})-([0-9*#]|timeout)-(\\d{1,2})$");
    private static final String TIMEOUT = "timeout";

    static Optional<MenuDestination> parse(String dialled) {
        Matcher matcher = SHAPE.matcher(dialled);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(new MenuDestination(UUID.fromString(matcher.group(1)), matcher.group(2),
                    Integer.parseInt(matcher.group(3))));
        } catch (IllegalArgumentException notAUuid) {
            return Optional.empty();
        }
    }

    boolean timeout() {
        return TIMEOUT.equals(key);
    }
}
