package com.cloudpbx.core.routing;

import static com.cloudpbx.core.testing.StoreSamples.extension;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.blocklist.CallScreening;
import com.cloudpbx.core.blocklist.MapBlocklistRepository;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.routing.MapPagingGroupRepositoryTest.DeletingExtensions;
import com.cloudpbx.core.shared.ConfigurationChanges;
import com.cloudpbx.core.shared.MapBoundedCaches;
import com.cloudpbx.core.testing.ListTenants;
import com.cloudpbx.core.testing.MovableClock;
import com.cloudpbx.core.tenants.Tenant;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import org.junit.jupiter.api.Test;

/** Routing plans come from memory; changes drop them, and plans in use are reloaded behind the calls. */
class RoutingPlansTest {

    private static final Duration REFRESH = Duration.ofSeconds(5);

    private final MovableClock clock = new MovableClock(Instant.parse("2026-06-01T09:00:00Z"));
    private final Tenant acme = tenant("Acme");
    private final DeletingExtensions extensions = new DeletingExtensions();
    private final ConfigurationChanges changes = new ConfigurationChanges();
    private final Queue<Runnable> background = new ArrayDeque<>();
    private final MapBoundedCaches caches = new MapBoundedCaches(clock);
    private final RoutingPlans plans = new RoutingPlans(new RoutingPlans.Stores(
            new ListTenants(new ArrayList<>(List.of(acme))), extensions, new EmptyRoutingStores.NoDids(),
            new EmptyRoutingStores.NoMenus(), new MapRingGroupRepository(extensions), new EmptyRoutingStores.NoQueues(),
            new EmptyRoutingStores.NoSchedules(), new CallScreening(new MapBlocklistRepository()),
            tenant -> java.util.Optional.empty()),
            caches.create("plans", 100, Duration.ofMinutes(10)), caches.create("dids", 100, Duration.ofMinutes(10)),
            changes, REFRESH, clock, background::add);

    @Test
    void aPlanIsReadOnceAndThenServedFromMemory() {
        extensions.insert(extension(acme.id(), "1001"));
        RoutingPlan first = plans.plan(acme.id()).orElseThrow();
        extensions.insert(extension(acme.id(), "1002"));

        assertThat(plans.plan(acme.id()).orElseThrow()).isSameAs(first);
        assertThat(background).isEmpty();
    }

    @Test
    void aSignalledChangeIsRoutedWithAtOnce() {
        extensions.insert(extension(acme.id(), "1001"));
        plans.plan(acme.id());
        extensions.insert(extension(acme.id(), "1002"));

        changes.changed(acme.id());

        assertThat(plans.plan(acme.id()).orElseThrow().extensions()).containsKeys("1001", "1002");
    }

    @Test
    void anOldPlanIsServedWhileItIsReloadedInTheBackground() {
        RoutingPlan first = plans.plan(acme.id()).orElseThrow();
        extensions.insert(extension(acme.id(), "1002"));
        clock.advance(REFRESH);

        assertThat(plans.plan(acme.id()).orElseThrow()).isSameAs(first);
        assertThat(background).hasSize(1);
        background.remove().run();
        assertThat(plans.plan(acme.id()).orElseThrow().extensions()).containsKey("1002");
    }

    @Test
    void oneReloadRunsAtATimePerTenant() {
        plans.plan(acme.id());
        clock.advance(REFRESH);

        plans.plan(acme.id());
        plans.plan(acme.id());

        assertThat(background).hasSize(1);
    }

    @Test
    void aReloadThatFinishesAfterAChangeDoesNotBringTheOldStateBack() {
        plans.plan(acme.id());
        clock.advance(REFRESH);
        plans.plan(acme.id());
        Runnable staleReload = background.remove();
        Extension added = extension(acme.id(), "1003");
        extensions.insert(added);
        changes.changed(acme.id());
        RoutingPlan current = plans.plan(acme.id()).orElseThrow();

        staleReload.run();

        assertThat(plans.plan(acme.id()).orElseThrow()).isSameAs(current);
    }

    @Test
    void aTenantThatIsGoneHasNoPlan() {
        assertThat(plans.plan(tenant("Gone").id())).isEmpty();
    }
}
