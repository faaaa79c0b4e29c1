package com.cloudpbx.core.threeway.port;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.threeway.ThreeWaySession;
import java.util.Optional;
import java.util.UUID;

/**
 * Port: where three-way sessions live, shared by every API node, so that any node can take the
 * next step. Writes are conditional on the version the writer read: of two concurrent changes
 * of one session only the first lands, and the other is worked out again from the new state.
 */
public interface ThreeWaySessionStore {

    /** The tenant's session the leg takes part in: as moderator or as one of the parties. */
    Optional<ThreeWaySession> findByLeg(TenantId tenant, UUID leg);

    /**
     * The same whatever the session's tenant: for the switch's events, which name a leg and no
     * tenant.
     */
    Optional<ThreeWaySession> findByLegInAnyTenant(UUID leg);

    /** The session whose conference has this name (the tenant's name, not the switch's room). */
    Optional<ThreeWaySession> findByConference(TenantId tenant, String conference);

    /**
     * Stores the session if the stored one still has {@code expectedVersion} (0: there is none yet,
     * and none of the session's legs takes part in another one). False when somebody else was
     * first; nothing is changed then.
     */
    boolean save(ThreeWaySession session, long expectedVersion);

    /** Removes the session if the stored one still has {@code expectedVersion}; false otherwise. */
    boolean remove(ThreeWaySession session, long expectedVersion);
}
