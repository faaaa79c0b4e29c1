package com.cloudpbx.storage.postgres.routing;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.TypeDef;
import io.micronaut.data.model.DataType;
import java.time.Instant;
import java.util.UUID;

/** One row of {@code sip_trunks}; the password only as the cipher's output. */
@MappedEntity("sip_trunks")
public record SipTrunkRow(@Id UUID id, @Nullable UUID tenantId, String name, @Nullable String provider, String proxy,
                          @Nullable String username, @Nullable String passwordEnc, String transport,
                          @TypeDef(type = DataType.STRING_ARRAY) String[] codecs, boolean register, int maxChannels,
                          String status, Instant createdAt, Instant updatedAt) {

    @Override
    public String toString() {
        return "SipTrunkRow[" + name + "]";
    }
}
