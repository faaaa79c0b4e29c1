package com.cloudpbx.core.routing;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.extension;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.routing.CallQueue.Agent;
import com.cloudpbx.core.routing.CallQueue.AgentStatus;
import com.cloudpbx.core.routing.CallQueue.QueueStrategy;
import com.cloudpbx.core.routing.port.CallQueueRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CallQueueRepository} does; each adapter's test extends this. */
public abstract class CallQueueRepositoryContract {

    private CallQueueRepository queues;
    private ExtensionRepository extensions;
    private TenantRepository tenants;

    /** A repository over a store with no rows in it; called before every test. */
    protected abstract CallQueueRepository newRepository();

    /** Extensions of the same store: agents are extensions. */
    protected abstract ExtensionRepository extensions();

    /** Tenants of the same store: every queue belongs to one. */
    protected abstract TenantRepository tenants();

    @BeforeEach
    void startEmpty() {
        queues = newRepository();
        extensions = extensions();
        tenants = tenants();
    }

    @Test
    void anInsertedQueueIsFoundByIdWithItsAgentsInOrder() {
        TenantId acme = newTenant("Acme", "1002", "1001");
        CallQueue queue = queue(acme, "Support", List.of(
                new Agent("1002", 2, 5, AgentStatus.LOGGED_OUT), new Agent("1001", 1, 1, AgentStatus.PAUSED)),
                new RouteTarget(RouteAction.VOICEMAIL, "1001"));

        queues.insert(queue);

        assertThat(queues.findById(acme, queue.id())).contains(queue);
        assertThat(queues.findByIdInAnyTenant(queue.id())).contains(queue);
        assertThat(queues.findByName(acme, "Support")).contains(queue);
    }

    @Test
    void anotherTenantsQueueIsNotFound() {
        CallQueue acmes = queue(newTenant("Acme"), "Support", List.of(), RouteTarget.hangup());
        queues.insert(acmes);
        TenantId globex = newTenant("Globex");

        assertThat(queues.findById(globex, acmes.id())).isEmpty();
        assertThat(queues.lockInScope(Optional.of(globex), acmes.id())).isEmpty();
        assertThat(queues.lockInScope(Optional.empty(), acmes.id())).contains(acmes);
    }

    @Test
    void aNameIsUniqueWithinATenant() {
        TenantId acme = newTenant("Acme");
        queues.insert(queue(acme, "Support", List.of(), RouteTarget.hangup()));

        assertThatThrownBy(() -> queues.insert(queue(acme, "Support", List.of(), RouteTarget.hangup())))
                .isInstanceOf(DomainException.class).hasMessageContaining("Support");
    }

    @Test
    void anUpdateReplacesTheFieldsAndTheAgents() {
        TenantId acme = newTenant("Acme", "1001", "1002");
        CallQueue queue = queue(acme, "Support", List.of(new Agent("1001", 1, 1, AgentStatus.AVAILABLE)),
                RouteTarget.hangup());
        queues.insert(queue);
        var changed = new CallQueue(queue.id(), acme, "Sales", QueueStrategy.ROUND_ROBIN, 60, "local_stream://jazz",
                new RouteTarget(RouteAction.EXTENSION, "1002"),
                List.of(new Agent("1002", 3, 4, AgentStatus.LOGGED_OUT), new Agent("1001", 1, 1, AgentStatus.AVAILABLE)),
                queue.createdAt(), T0.plus(1, ChronoUnit.HOURS));

        assertThat(queues.update(changed)).isTrue();

        assertThat(queues.findById(acme, queue.id())).contains(changed);
    }

    @Test
    void updatingAMissingQueueReportsIt() {
        assertThat(queues.update(queue(newTenant("Acme"), "Ghost", List.of(), RouteTarget.hangup()))).isFalse();
    }

    @Test
    void anAgentsStatusChangesAloneAndOnlyWithinItsTenant() {
        TenantId acme = newTenant("Acme", "1001", "1002");
        CallQueue queue = queue(acme, "Support", List.of(new Agent("1001", 1, 1, AgentStatus.LOGGED_OUT),
                new Agent("1002", 1, 2, AgentStatus.LOGGED_OUT)), RouteTarget.hangup());
        queues.insert(queue);

        assertThat(queues.setAgentStatus(newTenant("Globex"), queue.id(), "1001", AgentStatus.AVAILABLE)).isFalse();
        assertThat(queues.setAgentStatus(acme, queue.id(), "1003", AgentStatus.AVAILABLE)).isFalse();
        assertThat(queues.setAgentStatus(acme, queue.id(), "1001", AgentStatus.AVAILABLE)).isTrue();

        assertThat(queues.findById(acme, queue.id()).orElseThrow().agents()).containsExactly(
                new Agent("1001", 1, 1, AgentStatus.AVAILABLE), new Agent("1002", 1, 2, AgentStatus.LOGGED_OUT));
    }

    @Test
    void deletingAnExtensionDropsItFromTheQueue() {
        TenantId acme = newTenant("Acme");
        Extension leaving = extension(acme, "1001");
        extensions.insert(leaving);
        extensions.insert(extension(acme, "1002"));
        CallQueue queue = queue(acme, "Support", List.of(new Agent("1001", 1, 1, AgentStatus.LOGGED_OUT),
                new Agent("1002", 1, 1, AgentStatus.LOGGED_OUT)), RouteTarget.hangup());
        queues.insert(queue);

        extensions.delete(acme, leaving.id());

        assertThat(queues.findById(acme, queue.id()).orElseThrow().agents()).extracting(Agent::extension)
                .containsExactly("1002");
    }

    @Test
    void aDeletedQueueIsGoneButOnlyForItsTenant() {
        TenantId acme = newTenant("Acme");
        CallQueue queue = queue(acme, "Support", List.of(), RouteTarget.hangup());
        queues.insert(queue);

        queues.delete(newTenant("Globex"), queue.id());
        assertThat(queues.findById(acme, queue.id())).isPresent();

        queues.delete(acme, queue.id());
        assertThat(queues.findById(acme, queue.id())).isEmpty();
    }

    @Test
    void aListingIsOrderedByNameAndConfinedToTheTenant() {
        TenantId acme = newTenant("Acme");
        CallQueue b = queue(acme, "B", List.of(), RouteTarget.hangup());
        CallQueue a = queue(acme, "A", List.of(), RouteTarget.hangup());
        CallQueue other = queue(newTenant("Globex"), "C", List.of(), RouteTarget.hangup());
        List.of(b, a, other).forEach(queues::insert);

        assertThat(queues.list(Optional.of(acme))).containsExactly(a, b);
        assertThat(queues.list(Optional.empty())).containsAll(List.of(a, b, other)).hasSize(3);
    }

    @Test
    void pointingAtNamesTheQueuesWhoseTimeoutSendsCallsToATarget() {
        TenantId acme = newTenant("Acme");
        UUID menu = UUID.randomUUID();
        CallQueue pointing = queue(acme, "Support", List.of(), RouteTarget.resource(RouteAction.IVR, menu));
        queues.insert(pointing);
        queues.insert(queue(acme, "Sales", List.of(), RouteTarget.hangup()));

        assertThat(queues.pointingAt(acme, RouteAction.IVR, menu.toString()))
                .containsExactly(new Referrer("queue", pointing.id(), "Support", "timeout target"));
        assertThat(queues.pointingAt(newTenant("Globex"), RouteAction.IVR, menu.toString())).isEmpty();
    }

    private TenantId newTenant(String name, String... extensionNumbers) {
        Tenant tenant = tenant(name);
        tenants.insert(tenant);
        for (String number : extensionNumbers) {
            extensions.insert(extension(tenant.id(), number));
        }
        return tenant.id();
    }

    private static CallQueue queue(TenantId tenant, String name, List<Agent> agents, RouteTarget timeout) {
        return new CallQueue(UUID.randomUUID(), tenant, name, QueueStrategy.RING_ALL, 300, "local_stream://moh",
                timeout, agents, T0, T0);
    }
}
