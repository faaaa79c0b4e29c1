package com.cloudpbx.core.routing;

import com.cloudpbx.core.routing.CallQueue.AgentStatus;
import com.cloudpbx.core.routing.port.CallQueueRepository;
import com.cloudpbx.core.routing.port.IvrMenuRepository;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The module configurations a media server loads from the API: the IVR menus it plays (one at a
 * time, by name, when a call enters one) and mod_callcenter's queues, agents and tiers, all
 * tenants' on one switch, kept apart by their SIP domains.
 */
public final class SwitchConfiguration {

    /** The name a menu has on the media server: {@code voip-ivr-<menu id>}. */
    public static final String MENU_PREFIX = "voip-ivr-";

    private final TenantRepository tenants;
    private final IvrMenuRepository menus;
    private final CallQueueRepository queues;

    public SwitchConfiguration(TenantRepository tenants, IvrMenuRepository menus, CallQueueRepository queues) {
        this.tenants = tenants;
        this.menus = menus;
        this.queues = queues;
    }

    /** A queue of an active tenant, with that tenant's SIP domain. */
    public record QueueOnSwitch(CallQueue queue, String sipDomain) {

        public String name() {
            return CallCenterNames.queue(queue.id(), sipDomain);
        }

        public String agentName(String extension) {
            return CallCenterNames.agent(extension, sipDomain);
        }
    }

    /** The menu of this media-server name, when it is one of an active tenant. */
    public Optional<IvrMenu> menu(String name) {
        if (name == null || !name.startsWith(MENU_PREFIX)) {
            return Optional.empty();
        }
        try {
            UUID id = UUID.fromString(name.substring(MENU_PREFIX.length()));
            return menus.findByIdInAnyTenant(id)
                    .filter(menu -> tenants.findById(menu.tenant()).filter(Tenant::isActive).isPresent());
        } catch (IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }

    /** Every active tenant's queues. */
    public List<QueueOnSwitch> queues() {
        Map<com.cloudpbx.core.shared.TenantId, Tenant> active = tenants.findAll().stream()
                .filter(Tenant::isActive)
                .collect(Collectors.toMap(Tenant::id, Function.identity()));
        return queues.list(Optional.empty()).stream()
                .filter(queue -> active.containsKey(queue.tenant()))
                .map(queue -> new QueueOnSwitch(queue, active.get(queue.tenant()).sipDomain()))
                .toList();
    }

    /**
     * mod_callcenter keeps one status per agent, not per queue: an agent is Available while it
     * takes calls in some queue, On Break while paused everywhere it is logged in, Logged Out
     * otherwise. Its tiers list only the queues where it is logged in, so a queue it left does
     * not offer it calls.
     */
    public static String switchStatus(List<AgentStatus> statuses) {
        if (statuses.stream().anyMatch(s -> s == AgentStatus.AVAILABLE || s == AgentStatus.BUSY)) {
            return "Available";
        }
        return statuses.contains(AgentStatus.PAUSED) ? "On Break" : "Logged Out";
    }

    public static boolean takesCalls(AgentStatus status) {
        return status == AgentStatus.AVAILABLE || status == AgentStatus.BUSY;
    }
}
