package com.cloudpbx.storage.postgres.routing;

import static com.cloudpbx.storage.postgres.schema.Tables.CALL_QUEUES;
import static com.cloudpbx.storage.postgres.schema.Tables.CALL_QUEUE_AGENTS;
import static com.cloudpbx.storage.postgres.schema.Tables.EXTENSIONS;

import com.cloudpbx.core.routing.CallQueue;
import com.cloudpbx.core.routing.CallQueue.Agent;
import com.cloudpbx.core.routing.CallQueue.AgentStatus;
import com.cloudpbx.core.routing.CallQueue.QueueStrategy;
import com.cloudpbx.core.routing.Referrer;
import com.cloudpbx.core.routing.RouteAction;
import com.cloudpbx.core.routing.port.CallQueueRepository;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.postgres.UniqueViolations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Call queues in PostgreSQL: the queue row through Micronaut Data; its agents (rows referencing the
 * extension, named by its number), listings, row locks and the referrer search through jOOQ.
 */
@Singleton
@Connectable
public class JdbcCallQueueRepository implements CallQueueRepository {

    private final DSLContext dsl;
    private final CallQueueRows rows;

    public JdbcCallQueueRepository(DSLContext dsl, CallQueueRows rows) {
        this.dsl = dsl;
        this.rows = rows;
    }

    @Override
    public void insert(CallQueue queue) {
        UniqueViolations.translate(() -> rows.save(row(queue)), () -> "Queue '" + queue.name() + "' already exists");
        insertAgents(queue);
    }

    @Override
    public boolean update(CallQueue queue) {
        if (!rows.existsByTenantIdAndId(queue.tenant().value(), queue.id())) {
            return false;
        }
        UniqueViolations.translate(() -> rows.update(row(queue)), () -> "Queue '" + queue.name() + "' already exists");
        dsl.deleteFrom(CALL_QUEUE_AGENTS).where(CALL_QUEUE_AGENTS.QUEUE_ID.eq(queue.id())).execute();
        insertAgents(queue);
        return true;
    }

    @Override
    public void delete(TenantId tenant, UUID id) {
        rows.deleteByTenantIdAndId(tenant.value(), id);
    }

    @Override
    public Optional<CallQueue> findById(TenantId tenant, UUID id) {
        return rows.findByTenantIdAndId(tenant.value(), id).map(this::withAgents);
    }

    @Override
    public Optional<CallQueue> findByIdInAnyTenant(UUID id) {
        return rows.findById(id).map(this::withAgents);
    }

    @Override
    public Optional<CallQueue> lockInScope(Optional<TenantId> scope, UUID id) {
        Condition inScope = scope.map(tenant -> CALL_QUEUES.ID.eq(id).and(CALL_QUEUES.TENANT_ID.eq(tenant.value())))
                .orElse(CALL_QUEUES.ID.eq(id));
        return dsl.select(CALL_QUEUES.fields()).from(CALL_QUEUES).where(inScope).forUpdate()
                .fetchOptional(JdbcCallQueueRepository::toRow).map(this::withAgents);
    }

    @Override
    public Optional<CallQueue> findByName(TenantId tenant, String name) {
        return rows.findByTenantIdAndName(tenant.value(), name).map(this::withAgents);
    }

    @Override
    public List<CallQueue> list(Optional<TenantId> tenant) {
        List<CallQueueRow> found = tenant.isPresent() ? rows.findByTenantIdOrderByName(tenant.get().value())
                : dsl.select(CALL_QUEUES.fields()).from(CALL_QUEUES).orderBy(CALL_QUEUES.TENANT_ID, CALL_QUEUES.NAME)
                .fetch(JdbcCallQueueRepository::toRow);
        Map<UUID, List<Agent>> agents = agents(found.stream().map(CallQueueRow::id).toList());
        return found.stream().map(row -> toQueue(row, agents.getOrDefault(row.id(), List.of()))).toList();
    }

    @Override
    public boolean setAgentStatus(TenantId tenant, UUID queueId, String extension, AgentStatus status) {
        return dsl.update(CALL_QUEUE_AGENTS).set(CALL_QUEUE_AGENTS.STATUS, status.wireName())
                .where(CALL_QUEUE_AGENTS.QUEUE_ID.eq(queueId)
                        .and(CALL_QUEUE_AGENTS.QUEUE_ID.in(DSL.select(CALL_QUEUES.ID).from(CALL_QUEUES)
                                .where(CALL_QUEUES.TENANT_ID.eq(tenant.value()))))
                        .and(CALL_QUEUE_AGENTS.EXTENSION_ID.in(DSL.select(EXTENSIONS.ID).from(EXTENSIONS)
                                .where(EXTENSIONS.TENANT_ID.eq(tenant.value()).and(EXTENSIONS.NUMBER.eq(extension))))))
                .execute() == 1;
    }

    @Override
    public List<Referrer> pointingAt(TenantId tenant, RouteAction kind, String target) {
        return dsl.select(CALL_QUEUES.ID, CALL_QUEUES.NAME).from(CALL_QUEUES)
                .where(CALL_QUEUES.TENANT_ID.eq(tenant.value()).and(CALL_QUEUES.TIMEOUT_ACTION.eq(kind.wireName()))
                        .and(CALL_QUEUES.TIMEOUT_TARGET.eq(target)))
                .orderBy(CALL_QUEUES.NAME)
                .fetch(r -> new Referrer("queue", r.value1(), r.value2(), "timeout target"));
    }

    /** One row per agent, its extension found by number within the queue's tenant. */
    private void insertAgents(CallQueue queue) {
        List<Agent> agents = queue.agents();
        for (int i = 0; i < agents.size(); i++) {
            Agent agent = agents.get(i);
            dsl.insertInto(CALL_QUEUE_AGENTS, CALL_QUEUE_AGENTS.QUEUE_ID, CALL_QUEUE_AGENTS.EXTENSION_ID,
                            CALL_QUEUE_AGENTS.POSITION, CALL_QUEUE_AGENTS.TIER_LEVEL, CALL_QUEUE_AGENTS.TIER_POSITION,
                            CALL_QUEUE_AGENTS.STATUS)
                    .select(DSL.select(DSL.val(queue.id()), EXTENSIONS.ID, DSL.val(i), DSL.val(agent.tierLevel()),
                                    DSL.val(agent.tierPosition()), DSL.val(agent.status().wireName()))
                            .from(EXTENSIONS)
                            .where(EXTENSIONS.TENANT_ID.eq(queue.tenant().value())
                                    .and(EXTENSIONS.NUMBER.eq(agent.extension()))))
                    .execute();
        }
    }

    private CallQueue withAgents(CallQueueRow row) {
        return toQueue(row, agents(List.of(row.id())).getOrDefault(row.id(), List.of()));
    }

    private Map<UUID, List<Agent>> agents(Collection<UUID> queueIds) {
        if (queueIds.isEmpty()) {
            return Map.of();
        }
        return dsl.select(CALL_QUEUE_AGENTS.QUEUE_ID, EXTENSIONS.NUMBER, CALL_QUEUE_AGENTS.TIER_LEVEL,
                        CALL_QUEUE_AGENTS.TIER_POSITION, CALL_QUEUE_AGENTS.STATUS)
                .from(CALL_QUEUE_AGENTS).join(EXTENSIONS).on(EXTENSIONS.ID.eq(CALL_QUEUE_AGENTS.EXTENSION_ID))
                .where(CALL_QUEUE_AGENTS.QUEUE_ID.in(queueIds))
                .orderBy(CALL_QUEUE_AGENTS.QUEUE_ID, CALL_QUEUE_AGENTS.POSITION)
                .fetch().stream()
                .collect(Collectors.groupingBy(r -> r.value1(), LinkedHashMap::new, Collectors.mapping(
                        r -> new Agent(r.value2(), r.value3(), r.value4(), status(r.value5())), Collectors.toList())));
    }

    private static AgentStatus status(String wireName) {
        return Arrays.stream(AgentStatus.values()).filter(s -> s.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown agent status " + wireName));
    }

    private static QueueStrategy strategy(String wireName) {
        return Arrays.stream(QueueStrategy.values()).filter(s -> s.wireName().equals(wireName)).findFirst()
                .orElseThrow(() -> new IllegalStateException("unknown queue strategy " + wireName));
    }

    private static CallQueueRow row(CallQueue queue) {
        return new CallQueueRow(queue.id(), queue.tenant().value(), queue.name(), queue.strategy().wireName(),
                queue.maxWaitSeconds(), queue.moh(), queue.timeout().action().wireName(), queue.timeout().target(),
                queue.createdAt(), queue.updatedAt());
    }

    private static CallQueueRow toRow(Record r) {
        return new CallQueueRow(r.get(CALL_QUEUES.ID), r.get(CALL_QUEUES.TENANT_ID), r.get(CALL_QUEUES.NAME),
                r.get(CALL_QUEUES.STRATEGY), r.get(CALL_QUEUES.MAX_WAIT_SECONDS), r.get(CALL_QUEUES.MOH),
                r.get(CALL_QUEUES.TIMEOUT_ACTION), r.get(CALL_QUEUES.TIMEOUT_TARGET), r.get(CALL_QUEUES.CREATED_AT),
                r.get(CALL_QUEUES.UPDATED_AT));
    }

    private static CallQueue toQueue(CallQueueRow row, List<Agent> agents) {
        return new CallQueue(row.id(), TenantId.of(row.tenantId()), row.name(), strategy(row.strategy()),
                row.maxWaitSeconds(), row.moh(), StoredTargets.read(row.timeoutAction(), row.timeoutTarget()), agents,
                row.createdAt(), row.updatedAt());
    }
}
