package com.cloudpbx.freeswitch.simulated;

import com.cloudpbx.core.routing.MenuFollowUps;
import com.cloudpbx.core.routing.RouteDecision;
import com.cloudpbx.core.routing.RouteStep;
import com.cloudpbx.core.routing.WaitingCaller;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A sandbox call to a DID while the simulated switch carries out its routing decision: the legs
 * ringing for it, the steps still to ring, the menu waiting for a key, and the trail of where it
 * went. Mutable, touched only under the switch's lock; {@code stage} grows with every decision
 * carried out, so timers set for an earlier one (a ring step, a menu, a queue's wait) do nothing.
 */
final class RoutedCall {

    final UUID caller;
    final MenuFollowUps followUps;
    final List<RouteStep> trail = new ArrayList<>();
    final Set<UUID> ringing = new HashSet<>();
    final Deque<RouteDecision.RingStep> steps = new ArrayDeque<>();
    RouteDecision afterSteps;
    /** Legs of the current step whose delay has not run out yet. */
    int delayedLegs;
    RouteDecision.EnterMenu menu;
    boolean queued;
    /** The queue the caller waits in, by its switch name, and its place there; null when in none. */
    String queue;
    WaitingCaller waiting;
    int stage;

    RoutedCall(UUID caller, MenuFollowUps followUps) {
        this.caller = caller;
        this.followUps = followUps;
    }

    /** A new decision: whatever the previous one was waiting for no longer counts. */
    int next() {
        steps.clear();
        afterSteps = null;
        delayedLegs = 0;
        menu = null;
        queued = false;
        return ++stage;
    }
}
