package com.cloudpbx.storage.postgres.routing;

import static com.cloudpbx.storage.postgres.schema.Tables.EXTENSIONS;
import static com.cloudpbx.storage.postgres.schema.Tables.PAGING_GROUPS;
import static com.cloudpbx.storage.postgres.schema.Tables.PAGING_GROUP_MEMBERS;

import com.cloudpbx.core.routing.PagingGroup;
import com.cloudpbx.core.routing.port.PagingGroupRepository;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.postgres.UniqueViolations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.Collection;
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
 * Paging groups in PostgreSQL: the group row written by Micronaut Data ({@link PagingGroupRows}),
 * the members (stored by extension id, listed by number in the order sent) and every read by jOOQ.
 */
@Singleton
@Connectable
public class JdbcPagingGroupRepository implements PagingGroupRepository {

    private final DSLContext dsl;
    private final PagingGroupRows rows;

    public JdbcPagingGroupRepository(DSLContext dsl, PagingGroupRows rows) {
        this.dsl = dsl;
        this.rows = rows;
    }

    @Override
    public void insert(PagingGroup group) {
        UniqueViolations.translate(() -> rows.save(row(group)), () -> duplicate(group));
        insertMembers(group);
    }

    @Override
    public boolean update(PagingGroup group) {
        if (!dsl.fetchExists(PAGING_GROUPS, inTenant(group.tenant(), group.id()))) {
            return false;
        }
        UniqueViolations.translate(() -> rows.update(row(group)), () -> duplicate(group));
        dsl.deleteFrom(PAGING_GROUP_MEMBERS).where(PAGING_GROUP_MEMBERS.PAGING_GROUP_ID.eq(group.id())).execute();
        insertMembers(group);
        return true;
    }

    @Override
    public void delete(TenantId tenant, UUID id) {
        dsl.deleteFrom(PAGING_GROUPS).where(inTenant(tenant, id)).execute();
    }

    @Override
    public Optional<PagingGroup> findById(TenantId tenant, UUID id) {
        return first(inTenant(tenant, id), false);
    }

    @Override
    public Optional<PagingGroup> findByIdInAnyTenant(UUID id) {
        return first(PAGING_GROUPS.ID.eq(id), false);
    }

    @Override
    public Optional<PagingGroup> lockInScope(Optional<TenantId> scope, UUID id) {
        return first(scope.map(tenant -> inTenant(tenant, id)).orElse(PAGING_GROUPS.ID.eq(id)), true);
    }

    @Override
    public Optional<PagingGroup> findByName(TenantId tenant, String name) {
        return first(PAGING_GROUPS.TENANT_ID.eq(tenant.value()).and(PAGING_GROUPS.NAME.eq(name)), false);
    }

    @Override
    public Optional<PagingGroup> findByExtensionCode(TenantId tenant, String extensionCode) {
        return first(PAGING_GROUPS.TENANT_ID.eq(tenant.value()).and(PAGING_GROUPS.EXTENSION_CODE.eq(extensionCode)),
                false);
    }

    @Override
    public List<PagingGroup> list(Optional<TenantId> tenant) {
        Condition scope = tenant.map(t -> PAGING_GROUPS.TENANT_ID.eq(t.value())).orElse(DSL.noCondition());
        return withMembers(dsl.select(PAGING_GROUPS.fields()).from(PAGING_GROUPS).where(scope)
                .orderBy(PAGING_GROUPS.TENANT_ID, PAGING_GROUPS.NAME).fetch());
    }

    private Optional<PagingGroup> first(Condition condition, boolean lock) {
        var select = dsl.select(PAGING_GROUPS.fields()).from(PAGING_GROUPS).where(condition);
        List<? extends Record> found = lock ? select.forUpdate().fetch() : select.fetch();
        return withMembers(found).stream().findFirst();
    }

    private List<PagingGroup> withMembers(List<? extends Record> groups) {
        if (groups.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<String>> members = members(groups.stream().map(r -> r.get(PAGING_GROUPS.ID)).toList());
        return groups.stream()
                .map(r -> toGroup(r, members.getOrDefault(r.get(PAGING_GROUPS.ID), List.of())))
                .toList();
    }

    private Map<UUID, List<String>> members(Collection<UUID> groupIds) {
        return dsl.select(PAGING_GROUP_MEMBERS.PAGING_GROUP_ID, EXTENSIONS.NUMBER)
                .from(PAGING_GROUP_MEMBERS)
                .join(EXTENSIONS).on(EXTENSIONS.ID.eq(PAGING_GROUP_MEMBERS.EXTENSION_ID)
                        .and(EXTENSIONS.TENANT_ID.eq(PAGING_GROUP_MEMBERS.TENANT_ID)))
                .where(PAGING_GROUP_MEMBERS.PAGING_GROUP_ID.in(groupIds))
                .orderBy(PAGING_GROUP_MEMBERS.PAGING_GROUP_ID, PAGING_GROUP_MEMBERS.POSITION)
                .fetch()
                .stream()
                .collect(Collectors.groupingBy(r -> r.value1(),
                        Collectors.mapping(r -> r.value2(), Collectors.toCollection(ArrayList::new))));
    }

    private void insertMembers(PagingGroup group) {
        if (group.members().isEmpty()) {
            return;
        }
        Map<String, UUID> ids = MemberExtensionIds.of(dsl, group.tenant(), group.members());
        var insert = dsl.insertInto(PAGING_GROUP_MEMBERS, PAGING_GROUP_MEMBERS.PAGING_GROUP_ID,
                PAGING_GROUP_MEMBERS.TENANT_ID, PAGING_GROUP_MEMBERS.EXTENSION_ID, PAGING_GROUP_MEMBERS.POSITION);
        for (int i = 0; i < group.members().size(); i++) {
            insert = insert.values(group.id(), group.tenant().value(), ids.get(group.members().get(i)), i);
        }
        insert.execute();
    }

    private static Condition inTenant(TenantId tenant, UUID id) {
        return PAGING_GROUPS.TENANT_ID.eq(tenant.value()).and(PAGING_GROUPS.ID.eq(id));
    }

    private static PagingGroupRow row(PagingGroup group) {
        return new PagingGroupRow(group.id(), group.tenant().value(), group.name(), group.description(),
                group.extensionCode(), group.createdAt(), group.updatedAt());
    }

    private static PagingGroup toGroup(Record row, List<String> members) {
        return new PagingGroup(row.get(PAGING_GROUPS.ID), TenantId.of(row.get(PAGING_GROUPS.TENANT_ID)),
                row.get(PAGING_GROUPS.NAME), row.get(PAGING_GROUPS.DESCRIPTION), row.get(PAGING_GROUPS.EXTENSION_CODE),
                members, row.get(PAGING_GROUPS.CREATED_AT), row.get(PAGING_GROUPS.UPDATED_AT));
    }

    private static String duplicate(PagingGroup group) {
        return "Paging group '" + group.name() + "' or extension code " + group.extensionCode() + " already exists";
    }
}
