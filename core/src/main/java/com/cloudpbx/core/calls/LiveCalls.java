package com.cloudpbx.core.calls;

import com.cloudpbx.core.calls.port.LiveChannels;
import com.cloudpbx.core.shared.Access;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.Resource;
import java.util.Comparator;
import java.util.List;

/** What is happening now: live legs and parked calls of the actor's tenant (users: their own calls). */
public final class LiveCalls {

    private final LiveChannels live;
    private final CallAccess access;

    public LiveCalls(LiveChannels live, CallAccess access) {
        this.live = live;
        this.access = access;
    }

    public List<LiveChannel> active(Actor actor) {
        actor.require(Resource.CALLS, Access.READ);
        return access.visibleTo(actor, live.list(actor.tenantScope())).stream()
                .sorted(Comparator.comparing(LiveChannel::startedAt))
                .toList();
    }

    public List<ParkedCall> parked(Actor actor) {
        return active(actor).stream()
                .filter(c -> c.parkSlot() != null)
                .map(c -> new ParkedCall(c.parkSlot(), c))
                .sorted(Comparator.comparing(p -> Integer.parseInt(p.slot())))
                .toList();
    }
}
