package com.cloudpbx.core.routing;

import com.cloudpbx.core.routing.CallQueue.Agent;
import com.cloudpbx.core.routing.CallQueue.AgentStatus;
import com.cloudpbx.core.routing.RouteDecision.RingLeg;
import com.cloudpbx.core.routing.RouteDecision.RingStep;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.random.RandomGenerator;

/**
 * The order in which a queue offers a waiting call to its available agents, tier by tier (lower
 * tier level first, then position). Ring-all offers it to everyone at once for the whole wait;
 * the other strategies offer it to one agent at a time. Strategies that need live statistics
 * (longest idle, least talk time) are decided by mod_callcenter on FreeSWITCH; without them the
 * order is the tiers' order, as top-down.
 */
final class QueueOffers {

    /** How long one agent is offered the call before the next one is. */
    static final int OFFER_SECONDS = 20;

    private QueueOffers() {
    }

    static List<RingStep> of(CallQueue queue, RoutingPlan plan, RandomGenerator random) {
        List<Agent> agents = new ArrayList<>(queue.agents().stream()
                .filter(agent -> agent.status() == AgentStatus.AVAILABLE)
                .filter(agent -> plan.reachable(agent.extension()).isPresent())
                .sorted(Comparator.comparingInt(Agent::tierLevel).thenComparingInt(Agent::tierPosition))
                .toList());
        if (agents.isEmpty()) {
            return List.of();
        }
        return switch (queue.strategy()) {
            case RING_ALL -> List.of(new RingStep(agents.stream()
                    .map(agent -> new RingLeg(agent.extension(), 0, queue.maxWaitSeconds())).toList()));
            case RANDOM -> {
                Collections.shuffle(agents, java.util.Random.from(random));
                yield oneByOne(agents, queue);
            }
            case LONGEST_IDLE_AGENT, ROUND_ROBIN, TOP_DOWN, AGENT_WITH_LEAST_TALK_TIME -> oneByOne(agents, queue);
        };
    }

    private static List<RingStep> oneByOne(List<Agent> agents, CallQueue queue) {
        int seconds = Math.max(1, Math.min(OFFER_SECONDS, queue.maxWaitSeconds()));
        return agents.stream().map(agent -> new RingStep(List.of(new RingLeg(agent.extension(), 0, seconds)))).toList();
    }
}
