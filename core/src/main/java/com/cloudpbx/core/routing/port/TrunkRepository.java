package com.cloudpbx.core.routing.port;

import com.cloudpbx.core.routing.SipTrunk;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: stores SIP trunks, a platform-wide resource (a trunk's tenant, if any, is one of its fields). */
public interface TrunkRepository {

    /** Stores a new trunk; a name another trunk has is refused with {@code DUPLICATE}. */
    void insert(SipTrunk trunk);

    /** Writes every field but id and creation time; false when there is no such trunk (any more). */
    boolean update(SipTrunk trunk);

    void delete(UUID id);

    Optional<SipTrunk> findById(UUID id);

    Optional<SipTrunk> findByName(String name);

    /** Every trunk, by name. */
    List<SipTrunk> list();

    /** The active trunks, by name: the gateways the media server loads. */
    List<SipTrunk> listActive();
}
