package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import java.util.Objects;
import java.util.Optional;

/**
 * What a media server needs to authenticate an extension's phone and to ring it: the digest
 * {@code a1Hash} ({@code md5(user:domain:password)} in hex) stands in for the password, which never
 * leaves the platform.
 */
public record DirectoryEntry(String extension, String sipDomain, String a1Hash, String displayName, TenantId tenant,
                             boolean voicemailEnabled, Optional<PhoneNumber> outboundCallerId) {

    public DirectoryEntry {
        Objects.requireNonNull(extension, "extension");
        Objects.requireNonNull(sipDomain, "sipDomain");
        Objects.requireNonNull(a1Hash, "a1Hash");
        Objects.requireNonNull(displayName, "displayName");
        Objects.requireNonNull(tenant, "tenant");
        Objects.requireNonNull(outboundCallerId, "outboundCallerId");
    }

    /** The hash authenticates like the password does, so it stays out of logs. */
    @Override
    public String toString() {
        return "DirectoryEntry[" + extension + "@" + sipDomain + "]";
    }
}
