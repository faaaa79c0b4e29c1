package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A SIP trunk to a carrier, global ({@code tenant} null) or one tenant's. Its password is kept
 * encrypted, like SIP passwords, and leaves the platform only towards the media server.
 */
public record SipTrunk(UUID id, TenantId tenant, String name, String provider, String proxy, String username,
                       String passwordEncrypted, String transport, List<String> codecs, boolean register,
                       int maxChannels, boolean active, Instant createdAt, Instant updatedAt) {

    public SipTrunk {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(transport, "transport");
        codecs = List.copyOf(codecs);
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The sofia gateway this trunk is on the media server. */
    public String gatewayName() {
        return TenantTrunks.trunkGateway(id);
    }

    @Override
    public String toString() {
        return "SipTrunk[" + name + "]";
    }
}
