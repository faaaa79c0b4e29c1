package com.cloudpbx.core.extensions;

import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: extensions. Lookups by id are not tenant-filtered; use cases check the tenant. */
public interface ExtensionRepository {

    void insert(Extension extension);

    /**
     * Writes the fields in which {@code after} differs from {@code before} (the row as the caller
     * read it), and only those, so a concurrent change of another field survives. False when there
     * is no such row (any more).
     */
    boolean update(Extension before, Extension after);

    void delete(UUID id);

    Optional<Extension> findById(UUID id);

    /**
     * Reads the extension and locks it until the surrounding transaction ends, so a
     * read-modify-write in that transaction cannot interleave with another, nor with a delete.
     */
    Optional<Extension> lockById(UUID id);

    Optional<Extension> findByNumber(TenantId tenant, ExtensionNumber number);

    boolean existsNumber(TenantId tenant, ExtensionNumber number);

    /** Ordered by tenant then number; an empty tenant lists every tenant's extensions. */
    List<Extension> list(Optional<TenantId> tenant);
}
