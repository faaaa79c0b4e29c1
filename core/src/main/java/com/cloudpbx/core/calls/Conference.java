package com.cloudpbx.core.calls;

import java.time.Instant;
import java.util.List;

/** A conference of the tenant, under the name the tenant knows it by. */
public record Conference(String name, boolean locked, Instant startedAt, List<ConferenceSnapshot.Member> members) {

    public Conference {
        members = List.copyOf(members);
    }
}
