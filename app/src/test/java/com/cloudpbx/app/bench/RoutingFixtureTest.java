package com.cloudpbx.app.bench;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.ConferenceRooms;
import com.cloudpbx.core.routing.Did;
import com.cloudpbx.core.routing.InboundRouter;
import com.cloudpbx.core.routing.RouteDecision;
import com.cloudpbx.core.routing.RouteDecision.RejectReason;
import com.cloudpbx.core.routing.RoutingPlan;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The routing benchmarks measure real decisions: the fixture's routes all lead somewhere. */
class RoutingFixtureTest {

    private final RoutingFixture fixture = RoutingFixture.standard();
    private final RoutingPlan plan = fixture.plan();
    private final InboundRouter router = new InboundRouter(new SecureRandom(), new ConferenceRooms(new SecureRandom()));

    @Test
    void everyDidRingsOrTakesItsAfterHoursRouteAndNoneIsUnreachableOrALoop() {
        Set<Class<?>> kinds = new HashSet<>();
        for (Did did : fixture.dids()) {
            for (Instant at : List.of(Instant.parse("2026-12-08T15:00:00Z"), Instant.parse("2026-12-12T03:00:00Z"))) {
                RouteDecision decision = router.route(plan, did, "+16465550001", at);
                kinds.add(decision.getClass());
                if (decision instanceof RouteDecision.Reject reject) {
                    assertThat(reject.reason()).as(reject.detail())
                            .isNotIn(EnumSet.of(RejectReason.UNREACHABLE, RejectReason.LOOP));
                }
            }
        }
        assertThat(kinds).contains(RouteDecision.Ring.class, RouteDecision.Voicemail.class);
    }

    @Test
    void blockedCallersAreRefused() {
        RouteDecision decision = router.route(plan, fixture.dids().getFirst(), fixture.blocked().getFirst(),
                Instant.parse("2026-12-08T15:00:00Z"));

        assertThat(decision).isInstanceOfSatisfying(RouteDecision.Reject.class,
                reject -> assertThat(reject.reason()).isEqualTo(RejectReason.BLOCKED));
    }
}
