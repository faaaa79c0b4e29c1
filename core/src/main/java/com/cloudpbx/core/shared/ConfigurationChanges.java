package com.cloudpbx.core.shared;

import java.util.List;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * Tells whoever keeps a tenant's configuration in memory (the routing plans) that it changed:
 * each use case that writes what such a copy holds — extensions, routing resources, the
 * blocklist, the tenant itself — signals the tenant once its transaction committed, so the next
 * read loads the new state. One instance per node; a change made on another node reaches this
 * one when the copy expires.
 */
public final class ConfigurationChanges {

    private final List<Consumer<TenantId>> listeners = new CopyOnWriteArrayList<>();

    public void onChange(Consumer<TenantId> listener) {
        listeners.add(Objects.requireNonNull(listener, "listener"));
    }

    public void changed(TenantId tenant) {
        listeners.forEach(listener -> listener.accept(tenant));
    }
}
