package com.cloudpbx.app;

import com.cloudpbx.app.settings.ThreeWaySettings;
import com.cloudpbx.core.calls.CallAccess;
import com.cloudpbx.core.calls.CallControl;
import com.cloudpbx.core.calls.ConferenceRooms;
import com.cloudpbx.core.calls.Conferences;
import com.cloudpbx.core.calls.Destinations;
import com.cloudpbx.core.calls.PagingBroadcast;
import com.cloudpbx.core.calls.ParkSlotRange;
import com.cloudpbx.core.calls.port.AttendedTransfers;
import com.cloudpbx.core.calls.port.ConferenceControl;
import com.cloudpbx.core.calls.port.LegControl;
import com.cloudpbx.core.calls.port.LiveChannels;
import com.cloudpbx.core.threeway.FollowThreeWayCalls;
import com.cloudpbx.core.threeway.ThreeWayCalling;
import com.cloudpbx.core.threeway.ThreeWayMachine;
import com.cloudpbx.core.threeway.port.ThreeWaySessionStore;
import io.micronaut.context.annotation.Factory;
import jakarta.inject.Singleton;
import java.time.Duration;

/**
 * Three-way calling: the state machine with the configured moderator hang-up policy
 * ({@code VOIP_THREE_WAY_ON_MODERATOR_HANGUP}: bridge or release), the API use case and the
 * listener that moves sessions on from media events on their own thread.
 */
@Factory
public class ThreeWayWiring {

    /** How long a merge waits for the switch to report every leg as a conference member. */
    private static final Duration MEMBER_WAIT = Duration.ofSeconds(3);

    @Singleton
    ThreeWayMachine threeWayMachine(ThreeWaySettings settings) {
        return new ThreeWayMachine(settings.policy());
    }

    @Singleton
    ThreeWayCalling threeWayCalling(LegControl media, ConferenceControl conferencing, LiveChannels live,
                                    AttendedTransfers transfers, CallAccess access, Destinations destinations,
                                    ParkSlotRange slots, ConferenceRooms rooms, Conferences conferences,
                                    CallControl calls, ThreeWayMachine machine, ThreeWaySessionStore store) {
        return new ThreeWayCalling(media, conferencing, live, transfers, access, destinations, slots, rooms,
                conferences, calls, machine, store, MEMBER_WAIT);
    }

    /** Paging reuses the conference machinery; paging groups arrive with routing and call it. */
    @Singleton
    PagingBroadcast pagingBroadcast(ConferenceControl media, ConferenceRooms rooms, LiveChannels live) {
        return new PagingBroadcast(media, rooms, live, MEMBER_WAIT);
    }

    @Singleton
    FollowThreeWayCalls followThreeWayCalls(LegControl media, ConferenceControl conferencing, ConferenceRooms rooms,
                                            ThreeWayMachine machine, ThreeWaySessionStore store,
                                            ThreeWayEventThread thread) {
        return new FollowThreeWayCalls(media, conferencing, rooms, machine, store, thread);
    }
}
