package com.cloudpbx.http.calls;

import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Caps how many exports run at once: per tenant ({@code voip.export.max-per-tenant}), so that one
 * tenant cannot take every slot, and overall ({@code voip.export.max-concurrent}, the size of the
 * exports' own connection pool), so that an export past it is refused at once rather than left
 * waiting for a connection. A refused export is a 429 with Retry-After.
 */
@Singleton
public class ExportAdmission {

    static final Duration RETRY_AFTER = Duration.ofSeconds(5);
    // A superadmin exporting across tenants counts under a key no tenant id can take.
    private static final String PLATFORM = "platform";

    private final int perTenant;
    private final int overall;
    private final Map<String, Integer> running = new HashMap<>();
    private int total;

    @Inject
    public ExportAdmission(ExportSettings settings) {
        this(settings.maxPerTenant(), settings.maxConcurrent());
    }

    ExportAdmission(int perTenant, int overall) {
        if (perTenant < 1 || overall < 1) {
            throw new IllegalArgumentException("voip.export.max-per-tenant and max-concurrent must be at least 1");
        }
        this.perTenant = perTenant;
        this.overall = overall;
    }

    /** A slot for one export of the actor's tenant, or 429 when none is free. */
    public synchronized Slot admit(Actor actor) {
        String tenant = actor.tenantScope().map(Object::toString).orElse(PLATFORM);
        int ofTenant = running.getOrDefault(tenant, 0);
        if (ofTenant >= perTenant) {
            throw DomainException.rateLimited("This tenant already has " + perTenant
                    + " exports running; wait for one to finish, then retry", RETRY_AFTER);
        }
        if (total >= overall) {
            throw DomainException.rateLimited("The server is running as many exports as it allows (" + overall
                    + "); retry shortly", RETRY_AFTER);
        }
        running.put(tenant, ofTenant + 1);
        total++;
        return new Slot(tenant);
    }

    private synchronized void release(String tenant) {
        total--;
        // Entries live only while exports run: the map holds at most `overall` keys.
        running.computeIfPresent(tenant, (key, count) -> count > 1 ? count - 1 : null);
    }

    /** One running export; closing it (once) frees its place. */
    public final class Slot implements AutoCloseable {

        private final String tenant;
        private final AtomicBoolean open = new AtomicBoolean(true);

        private Slot(String tenant) {
            this.tenant = tenant;
        }

        @Override
        public void close() {
            if (open.compareAndSet(true, false)) {
                release(tenant);
            }
        }
    }
}
