package com.cloudpbx.storage.postgres.routing;

import static com.cloudpbx.storage.postgres.schema.Tables.EXTENSIONS;
import static com.cloudpbx.storage.postgres.schema.Tables.RING_GROUPS;
import static com.cloudpbx.storage.postgres.schema.Tables.RING_GROUP_MEMBERS;

import com.cloudpbx.core.routing.Referrer;
import com.cloudpbx.core.routing.RingGroup;
import com.cloudpbx.core.routing.RouteAction;
import com.cloudpbx.core.routing.RouteTarget;
import com.cloudpbx.core.routing.port.RingGroupRepository;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.postgres.UniqueViolations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Ring groups in PostgreSQL: the group row written by Micronaut Data ({@link RingGroupRows}), the
 * members (stored by extension id, listed by number in the order sent) and every read by jOOQ.
 */
@Singleton
@Connectable
public class JdbcRingGroupRepository implements RingGroupRepository {

    private final DSLContext dsl;
    private final RingGroupRows rows;

    public JdbcRingGroupRepository(DSLContext dsl, RingGroupRows rows) {
        this.dsl = dsl;
        this.rows = rows;
    }

    @Override
    public void insert(RingGroup group) {
        UniqueViolations.translate(() -> rows.save(row(group)), () -> duplicate(group));
        insertMembers(group);
    }

    @Override
    public boolean update(RingGroup group) {
        if (!dsl.fetchExists(RING_GROUPS, inTenant(group.tenant(), group.id()))) {
            return false;
        }
        UniqueViolations.translate(() -> rows.update(row(group)), () -> duplicate(group));
        dsl.deleteFrom(RING_GROUP_MEMBERS).where(RING_GROUP_MEMBERS.RING_GROUP_ID.eq(group.id())).execute();
        insertMembers(group);
        return true;
    }

    @Override
    public void delete(TenantId tenant, UUID id) {
        dsl.deleteFrom(RING_GROUPS).where(inTenant(tenant, id)).execute();
    }

    @Override
    public Optional<RingGroup> findById(TenantId tenant, UUID id) {
        return first(RING_GROUPS.TENANT_ID.eq(tenant.value()).and(RING_GROUPS.ID.eq(id)), false);
    }

    @Override
    public Optional<RingGroup> findByIdInAnyTenant(UUID id) {
        return first(RING_GROUPS.ID.eq(id), false);
    }

    @Override
    public Optional<RingGroup> lockInScope(Optional<TenantId> scope, UUID id) {
        Condition condition = scope.map(tenant -> inTenant(tenant, id)).orElse(RING_GROUPS.ID.eq(id));
        return first(condition, true);
    }

    @Override
    public Optional<RingGroup> findByName(TenantId tenant, String name) {
        return first(RING_GROUPS.TENANT_ID.eq(tenant.value()).and(RING_GROUPS.NAME.eq(name)), false);
    }

    @Override
    public List<RingGroup> list(Optional<TenantId> tenant) {
        Condition scope = tenant.map(t -> RING_GROUPS.TENANT_ID.eq(t.value())).orElse(DSL.noCondition());
        return withMembers(dsl.select(RING_GROUPS.fields()).from(RING_GROUPS).where(scope)
                .orderBy(RING_GROUPS.TENANT_ID, RING_GROUPS.NAME).fetch());
    }

    @Override
    public List<Referrer> pointingAt(TenantId tenant, RouteAction kind, String target) {
        return dsl.select(RING_GROUPS.ID, RING_GROUPS.NAME).from(RING_GROUPS)
                .where(RING_GROUPS.TENANT_ID.eq(tenant.value())
                        .and(RING_GROUPS.NO_ANSWER_ACTION.eq(kind.wireName()))
                        .and(RING_GROUPS.NO_ANSWER_TARGET.eq(target)))
                .orderBy(RING_GROUPS.NAME)
                .fetch(r -> new Referrer("ring group", r.value1(), r.value2(), "no-answer target"));
    }

    private Optional<RingGroup> first(Condition condition, boolean lock) {
        var select = dsl.select(RING_GROUPS.fields()).from(RING_GROUPS).where(condition);
        List<? extends Record> found = lock ? select.forUpdate().fetch() : select.fetch();
        return withMembers(found).stream().findFirst();
    }

    private List<RingGroup> withMembers(List<? extends Record> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        List<UUID> ids = groups.stream().map(r -> r.get(RING_GROUPS.ID)).toList();
        Map<UUID, List<RingGroup.Member>> members = members(ids);
        return groups.stream().map(r -> toGroup(r, members.getOrDefault(r.get(RING_GROUPS.ID), List.of()))).toList();
    }

    private Map<UUID, List<RingGroup.Member>> members(Collection<UUID> groupIds) {
        return dsl.select(RING_GROUP_MEMBERS.RING_GROUP_ID, EXTENSIONS.NUMBER, RING_GROUP_MEMBERS.PRIORITY,
                        RING_GROUP_MEMBERS.DELAY_SECONDS)
                .from(RING_GROUP_MEMBERS)
                .join(EXTENSIONS).on(EXTENSIONS.ID.eq(RING_GROUP_MEMBERS.EXTENSION_ID)
                        .and(EXTENSIONS.TENANT_ID.eq(RING_GROUP_MEMBERS.TENANT_ID)))
                .where(RING_GROUP_MEMBERS.RING_GROUP_ID.in(groupIds))
                .orderBy(RING_GROUP_MEMBERS.RING_GROUP_ID, RING_GROUP_MEMBERS.POSITION)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(r -> r.value1(),
                        Collectors.mapping(r -> new RingGroup.Member(r.value2(), r.value3(), r.value4()),
                                Collectors.toCollection(ArrayList::new))));
    }

    private void insertMembers(RingGroup group) {
        if (group.members().isEmpty()) {
            return;
        }
        Map<String, UUID> ids = MemberExtensionIds.of(dsl, group.tenant(),
                group.members().stream().map(RingGroup.Member::extension).toList());
        var insert = dsl.insertInto(RING_GROUP_MEMBERS, RING_GROUP_MEMBERS.RING_GROUP_ID, RING_GROUP_MEMBERS.TENANT_ID,
                RING_GROUP_MEMBERS.EXTENSION_ID, RING_GROUP_MEMBERS.POSITION, RING_GROUP_MEMBERS.PRIORITY,
                RING_GROUP_MEMBERS.DELAY_SECONDS);
        for (int i = 0; i < group.members().size(); i++) {
            RingGroup.Member member = group.members().get(i);
            insert = insert.values(group.id(), group.tenant().value(), ids.get(member.extension()), i,
                    member.priority(), member.delaySeconds());
        }
        insert.execute();
    }

    private static Condition inTenant(TenantId tenant, UUID id) {
        return RING_GROUPS.TENANT_ID.eq(tenant.value()).and(RING_GROUPS.ID.eq(id));
    }

    private static RingGroupRow row(RingGroup group) {
        return new RingGroupRow(group.id(), group.tenant().value(), group.name(),
                group.strategy().name().toLowerCase(Locale.ROOT), group.ringTimeoutSeconds(),
                group.noAnswer().action().wireName(), group.noAnswer().target(), group.createdAt(), group.updatedAt());
    }

    private static RingGroup toGroup(Record row, List<RingGroup.Member> members) {
        String action = row.get(RING_GROUPS.NO_ANSWER_ACTION);
        RouteAction noAnswer = Arrays.stream(RouteAction.values()).filter(a -> a.wireName().equals(action))
                .findFirst().orElseThrow(() -> new IllegalStateException("unknown stored action " + action));
        return new RingGroup(row.get(RING_GROUPS.ID), TenantId.of(row.get(RING_GROUPS.TENANT_ID)),
                row.get(RING_GROUPS.NAME),
                RingGroup.RingStrategy.valueOf(row.get(RING_GROUPS.STRATEGY).toUpperCase(Locale.ROOT)),
                row.get(RING_GROUPS.RING_TIMEOUT), new RouteTarget(noAnswer, row.get(RING_GROUPS.NO_ANSWER_TARGET)),
                members, row.get(RING_GROUPS.CREATED_AT), row.get(RING_GROUPS.UPDATED_AT));
    }

    private static String duplicate(RingGroup group) {
        return "Ring group '" + group.name() + "' already exists";
    }
}
