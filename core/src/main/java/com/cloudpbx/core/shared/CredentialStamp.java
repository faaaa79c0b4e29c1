package com.cloudpbx.core.shared;

import com.cloudpbx.core.shared.port.CredentialVersions;

/**
 * The credential versions a login token was issued under ({@link CredentialVersions}): its
 * tenant's and its extension's, each kept apart. Their sum would not do: a node remembering an
 * old tenant version and reading a new extension version could reach the sum of a token issued
 * before the extension's change, and let it act.
 * <p>
 * A token carries the stamp as one number ({@link #packed()}): the tenant's version in the high
 * 32 bits, the extension's in the low 32. A stamp with no tenant version packs to the extension's
 * version alone.
 */
public record CredentialStamp(long tenant, long extension) {

    private static final long MAX_VERSION = 0xFFFF_FFFFL;

    public static final CredentialStamp NONE = new CredentialStamp(0, 0);

    public CredentialStamp {
        if (tenant < 0 || extension < 0 || tenant > Integer.MAX_VALUE || extension > MAX_VERSION) {
            throw new IllegalArgumentException("credential versions run from 0 to 2^31 - 1 (tenant), 2^32 - 1 (extension)");
        }
    }

    public static CredentialStamp unpack(long packed) {
        if (packed < 0) {
            throw new IllegalArgumentException("a packed credential stamp is never negative");
        }
        return new CredentialStamp(packed >>> 32, packed & MAX_VERSION);
    }

    public long packed() {
        return tenant << 32 | extension;
    }

    /** Both versions of this stamp and of {@code other} together (each names one of them only). */
    public CredentialStamp and(CredentialStamp other) {
        return new CredentialStamp(tenant + other.tenant, extension + other.extension);
    }

    /** Whether either version is newer than {@code current}'s: issued after a change not yet seen there. */
    public boolean newerInAnyThan(CredentialStamp current) {
        return tenant > current.tenant || extension > current.extension;
    }
}
