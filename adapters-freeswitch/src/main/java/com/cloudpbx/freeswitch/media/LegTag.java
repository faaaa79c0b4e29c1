package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.CallDirection;
import com.cloudpbx.core.shared.TenantId;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * What a leg is to us, packed into its {@code presence_data} variable as
 * {@code voip:<tenant>:<call uuid>:<direction>:<extension or empty>}. Events carry our own
 * {@code voip_*} variables, but {@code show channels} lists no variables at all; it does list
 * {@code presence_data}, so this tag is how a resync finds each leg's tenant and call again. The
 * tag holds only uuids, a direction word and digits: nothing that needs escaping.
 */
public record LegTag(TenantId tenant, UUID callUuid, CallDirection direction, String extension) {

    private static final String PREFIX = "voip";

    public LegTag {
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(callUuid, "callUuid");
        Objects.requireNonNull(direction, "direction");
        if (extension != null) {
            EslValues.parkSlot(extension);
        }
    }

    public String encode() {
        return String.join(":", PREFIX, tenant.value().toString(), callUuid.toString(), direction.wireName(),
                extension == null ? "" : extension);
    }

    /** The tag in {@code presence_data}, or empty when the leg is not one of ours. */
    public static Optional<LegTag> parse(String presenceData) {
        if (presenceData == null) {
            return Optional.empty();
        }
        String[] parts = presenceData.split(":", -1);
        if (parts.length != 5 || !PREFIX.equals(parts[0])) {
            return Optional.empty();
        }
        try {
            CallDirection direction = CallDirection.valueOf(parts[3].toUpperCase(Locale.ROOT));
            String extension = parts[4].isEmpty() ? null : parts[4];
            return Optional.of(new LegTag(TenantId.of(UUID.fromString(parts[1])), UUID.fromString(parts[2]),
                    direction, extension));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }
}
