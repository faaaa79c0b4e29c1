package com.cloudpbx.core.extensions;

import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: extensions. Lookups by id are not tenant-filtered; use cases check the tenant. */
public interface ExtensionRepository {

    void insert(Extension extension);

    void update(Extension extension);

    void delete(UUID id);

    Optional<Extension> findById(UUID id);

    Optional<Extension> findByNumber(TenantId tenant, ExtensionNumber number);

    boolean existsNumber(TenantId tenant, ExtensionNumber number);

    /** Ordered by tenant then number; an empty tenant lists every tenant's extensions. */
    List<Extension> list(Optional<TenantId> tenant);
}
