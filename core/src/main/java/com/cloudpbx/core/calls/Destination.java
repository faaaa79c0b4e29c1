package com.cloudpbx.core.calls;

import java.util.Objects;

/**
 * Where a leg is sent: an extension of the tenant (dialled on the tenant's SIP domain) or an
 * outside number in E.164, dialled through {@code gateway}, the trunk chosen for the tenant (null:
 * none is configured, and the media server uses the tenant's default gateway).
 */
public record Destination(Kind kind, String value, String sipDomain, String gateway) {

    public enum Kind {
        EXTENSION,
        NUMBER
    }

    public Destination {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(sipDomain, "sipDomain");
    }

    public static Destination extension(String number, String sipDomain) {
        return new Destination(Kind.EXTENSION, number, sipDomain, null);
    }

    public static Destination number(String e164, String sipDomain) {
        return new Destination(Kind.NUMBER, e164, sipDomain, null);
    }

    public static Destination number(String e164, String sipDomain, String gateway) {
        return new Destination(Kind.NUMBER, e164, sipDomain, gateway);
    }
}
