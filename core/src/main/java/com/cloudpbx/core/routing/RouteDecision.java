package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.TenantId;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Where the core sends a call that a media server asks about: a value the media adapters render
 * (dialplan XML for FreeSWITCH, actions of the simulated switch). Fallbacks are decisions too, so
 * a whole call flow (ring the group, then voicemail) is one value.
 */
public sealed interface RouteDecision {

    /** Ring an extension of the tenant on its SIP domain. */
    record BridgeToExtension(TenantId tenant, String extension, String sipDomain) implements RouteDecision {

        public BridgeToExtension {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(extension, "extension");
            Objects.requireNonNull(sipDomain, "sipDomain");
        }
    }

    /** Pick up the call waiting in the tenant's park slot. */
    record PickUpParked(TenantId tenant, String slot) implements RouteDecision {

        public PickUpParked {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(slot, "slot");
        }
    }

    /** Dial an outside number, in E.164, through the media server's gateway of the tenant's trunk. */
    record Outbound(TenantId tenant, String e164, String gateway) implements RouteDecision {

        public Outbound {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(e164, "e164");
            Objects.requireNonNull(gateway, "gateway");
        }
    }

    /** Nothing to route to: the media server rejects the call. */
    record NotFound() implements RouteDecision {
    }

    /**
     * Ring extensions: the steps one after another, the legs of a step together, each leg after its
     * delay and for its timeout; when nobody answers, {@code noAnswer}.
     */
    record Ring(TenantId tenant, String sipDomain, List<RingStep> steps, RouteDecision noAnswer)
            implements RouteDecision {

        public Ring {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(sipDomain, "sipDomain");
            steps = List.copyOf(steps);
            if (steps.isEmpty()) {
                throw new IllegalArgumentException("a ring has at least one step");
            }
            Objects.requireNonNull(noAnswer, "noAnswer");
        }
    }

    /** Legs rung together. */
    record RingStep(List<RingLeg> legs) {

        public RingStep {
            legs = List.copyOf(legs);
            if (legs.isEmpty()) {
                throw new IllegalArgumentException("a step rings at least one leg");
            }
        }
    }

    /** One extension rung {@code delaySeconds} after its step starts, for {@code timeoutSeconds}. */
    record RingLeg(String extension, int delaySeconds, int timeoutSeconds) {

        public RingLeg {
            Objects.requireNonNull(extension, "extension");
            if (delaySeconds < 0 || timeoutSeconds < 1) {
                throw new IllegalArgumentException("a leg rings for at least a second, after no negative delay");
            }
        }
    }

    /** Leave a message in the extension's voicemail box. */
    record Voicemail(TenantId tenant, String sipDomain, String extension) implements RouteDecision {

        public Voicemail {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(sipDomain, "sipDomain");
            Objects.requireNonNull(extension, "extension");
        }
    }

    /** Join the tenant's conference of this name; {@code room} is its name on the media server. */
    record JoinConference(TenantId tenant, String name, String room) implements RouteDecision {

        public JoinConference {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(room, "room");
        }
    }

    /**
     * Wait in the queue for an agent, at most {@code maxWaitSeconds}; then {@code timeout}. The
     * offers are the available agents in the order the strategy offers them the call, tier by tier:
     * FreeSWITCH's mod_callcenter decides this itself from callcenter.conf, the simulated switch
     * rings them in this order.
     */
    record EnterQueue(TenantId tenant, String sipDomain, UUID queueId, String queueName, int maxWaitSeconds,
                      List<RingStep> offers, RouteDecision timeout) implements RouteDecision {

        public EnterQueue {
            offers = List.copyOf(offers);
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(sipDomain, "sipDomain");
            Objects.requireNonNull(queueId, "queueId");
            Objects.requireNonNull(queueName, "queueName");
            Objects.requireNonNull(timeout, "timeout");
        }
    }

    /**
     * Play the IVR menu and wait for a key. Options are routed when pressed (FreeSWITCH asks again;
     * the simulated switch asks the router), carrying {@code hops} so loops through menus end. With
     * no key for {@code timeoutSeconds}, {@code maxRetries} + 1 times, the menu's timeout route.
     */
    record EnterMenu(TenantId tenant, UUID menuId, String menuName, int timeoutSeconds, int maxRetries, int hops)
            implements RouteDecision {

        public EnterMenu {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(menuId, "menuId");
            Objects.requireNonNull(menuName, "menuName");
        }
    }

    /**
     * A page: the caller speaks in a fresh room of the tenant; each member's phone is called to
     * answer by itself and listens, muted. The page ends with its caller.
     */
    record Page(TenantId tenant, String sipDomain, String room, List<String> members) implements RouteDecision {

        public Page {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(sipDomain, "sipDomain");
            Objects.requireNonNull(room, "room");
            members = List.copyOf(members);
        }
    }

    /** Refuse the call, saying why. */
    record Reject(TenantId tenant, RejectReason reason, String detail) implements RouteDecision {

        public Reject {
            Objects.requireNonNull(tenant, "tenant");
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(detail, "detail");
        }
    }

    /** End the call, as a route that says so (after hours: hang up). */
    record Hangup(TenantId tenant) implements RouteDecision {

        public Hangup {
            Objects.requireNonNull(tenant, "tenant");
        }
    }

    /** Why a call is refused; each maps to a SIP answer and a hangup cause in the media adapters. */
    enum RejectReason {
        /** The caller is on the tenant's blocklist. */
        BLOCKED,
        /** The DID is not active. */
        NOT_IN_SERVICE,
        /** The route needs an integration that does not exist yet (AI agent, WhatsApp). */
        NOT_AVAILABLE,
        /** The route's target is gone or cannot take calls (a deleted group, voicemail switched off). */
        UNREACHABLE,
        /** Routes sent the call around more than {@link InboundRouter#MAX_HOPS} times. */
        LOOP
    }
}
