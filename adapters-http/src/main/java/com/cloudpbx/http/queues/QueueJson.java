package com.cloudpbx.http.queues;

import com.cloudpbx.core.routing.CallQueue;
import com.cloudpbx.core.routing.CallQueue.Agent;
import com.cloudpbx.core.routing.CallQueue.AgentStatus;
import com.cloudpbx.core.routing.QueueStats;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.http.extensions.ExtensionJson.TenantRef;
import com.cloudpbx.http.shared.Times;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/** Queue bodies: requests in camelCase, the queue in snake_case as API.md shows it. */
public final class QueueJson {

    private QueueJson() {
    }

    @Serdeable
    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record QueueView(
            String id,
            @JsonProperty("tenant_id") String tenantId,
            String name,
            String strategy,
            @JsonProperty("max_wait_seconds") int maxWaitSeconds,
            String moh,
            @JsonProperty("timeout_action") String timeoutAction,
            @JsonProperty("timeout_target") @Nullable String timeoutTarget,
            List<AgentView> agents,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("updated_at") String updatedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) @Nullable TenantRef tenants) {

        static QueueView of(CallQueue queue, Tenant spanningTenant) {
            return new QueueView(queue.id().toString(), queue.tenant().toString(), queue.name(),
                    queue.strategy().wireName(), queue.maxWaitSeconds(), queue.moh(),
                    queue.timeout().action().wireName(), queue.timeout().target(),
                    queue.agents().stream().map(AgentView::of).toList(), Times.iso(queue.createdAt()),
                    Times.iso(queue.updatedAt()),
                    spanningTenant == null ? null : new TenantRef(spanningTenant.id().toString(),
                            spanningTenant.companyName(), spanningTenant.subdomain().value()));
        }
    }

    @Serdeable
    public record AgentView(String extension, @JsonProperty("tier_level") int tierLevel,
                            @JsonProperty("tier_position") int tierPosition, String status) {

        static AgentView of(Agent agent) {
            return new AgentView(agent.extension(), agent.tierLevel(), agent.tierPosition(), agent.status().wireName());
        }
    }

    /** Documents the create and update bodies; the controller reads them field by field. */
    @Serdeable
    public record QueueRequest(@Nullable String name, @Nullable String strategy, @Nullable Integer maxWaitSeconds,
                               @Nullable String moh, @Nullable String timeoutAction, @Nullable String timeoutTarget,
                               @Nullable List<AgentRequest> agents) {
    }

    @Serdeable
    public record AgentRequest(@Nullable String extension, @Nullable Integer tierLevel, @Nullable Integer tierPosition) {
    }

    @Serdeable
    public record QueueList(List<QueueView> queues) {
    }

    @Serdeable
    public record QueueBody(QueueView queue) {
    }

    @Serdeable
    public record MessageWithQueue(String message, QueueView queue) {
    }

    @Serdeable
    public record MessageWithAgent(String message, AgentView agent) {
    }

    @Serdeable
    public record AgentCounts(int available, int busy, int paused, @JsonProperty("logged_out") int loggedOut) {
    }

    @Serdeable
    public record StatsView(int waiting, long longestWaitSeconds, AgentCounts agents) {

        static StatsView of(QueueStats stats) {
            return new StatsView(stats.waiting(), stats.longestWaitSeconds(), new AgentCounts(
                    stats.agents().get(AgentStatus.AVAILABLE), stats.agents().get(AgentStatus.BUSY),
                    stats.agents().get(AgentStatus.PAUSED), stats.agents().get(AgentStatus.LOGGED_OUT)));
        }
    }

    @Serdeable
    public record StatsBody(StatsView stats) {
    }
}
