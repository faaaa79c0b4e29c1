package com.cloudpbx.core.threeway;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.threeway.port.ThreeWaySessionStore;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A map-backed store for unit tests of the use cases, keeping the rules of the real one: a leg in
 * one session only, a conference name in one session of a tenant, writes conditional on the
 * version. One lock guards both maps, so tests may share the store between threads.
 */
public final class MapThreeWaySessionStore implements ThreeWaySessionStore {

    private final Map<UUID, ThreeWaySession> byModerator = new HashMap<>();
    private final Map<UUID, UUID> moderatorByLeg = new HashMap<>();

    @Override
    public synchronized Optional<ThreeWaySession> findByLeg(TenantId tenant, UUID leg) {
        return findByLegInAnyTenant(leg).filter(session -> session.tenant().equals(tenant));
    }

    @Override
    public synchronized Optional<ThreeWaySession> findByLegInAnyTenant(UUID leg) {
        return Optional.ofNullable(moderatorByLeg.get(leg)).map(byModerator::get);
    }

    @Override
    public synchronized Optional<ThreeWaySession> findByConference(TenantId tenant, String conference) {
        return byModerator.values().stream()
                .filter(s -> s.tenant().equals(tenant) && s.conference().filter(conference::equals).isPresent())
                .findFirst();
    }

    @Override
    public synchronized boolean save(ThreeWaySession session, long expectedVersion) {
        if (session.state() instanceof ThreeWayState.Ended) {
            throw new IllegalArgumentException("An ended three-way session is removed, not stored");
        }
        ThreeWaySession stored = byModerator.get(session.moderator());
        boolean versionHolds = expectedVersion == 0 ? stored == null
                : stored != null && stored.version() == expectedVersion;
        if (!versionHolds || legTakenElsewhere(session) || conferenceTakenElsewhere(session)) {
            return false;
        }
        if (stored != null) {
            stored.legs().forEach(moderatorByLeg::remove);
        }
        byModerator.put(session.moderator(), session);
        session.legs().forEach(leg -> moderatorByLeg.put(leg, session.moderator()));
        return true;
    }

    @Override
    public synchronized boolean remove(ThreeWaySession session, long expectedVersion) {
        ThreeWaySession stored = byModerator.get(session.moderator());
        if (stored == null || stored.version() != expectedVersion) {
            return false;
        }
        byModerator.remove(stored.moderator());
        stored.legs().forEach(moderatorByLeg::remove);
        return true;
    }

    private boolean legTakenElsewhere(ThreeWaySession session) {
        return session.legs().stream().map(moderatorByLeg::get)
                .anyMatch(owner -> owner != null && !owner.equals(session.moderator()));
    }

    private boolean conferenceTakenElsewhere(ThreeWaySession session) {
        return session.conference()
                .flatMap(name -> findByConference(session.tenant(), name))
                .filter(other -> !Objects.equals(other.moderator(), session.moderator()))
                .isPresent();
    }
}
