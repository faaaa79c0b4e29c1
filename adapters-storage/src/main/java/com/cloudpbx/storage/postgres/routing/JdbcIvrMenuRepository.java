package com.cloudpbx.storage.postgres.routing;

import static com.cloudpbx.storage.postgres.schema.Tables.IVR_MENUS;
import static com.cloudpbx.storage.postgres.schema.Tables.IVR_MENU_OPTIONS;

import com.cloudpbx.core.routing.IvrMenu;
import com.cloudpbx.core.routing.IvrMenu.IvrOption;
import com.cloudpbx.core.routing.Referrer;
import com.cloudpbx.core.routing.RouteAction;
import com.cloudpbx.core.routing.port.IvrMenuRepository;
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

/**
 * IVR menus in PostgreSQL: the menu row through Micronaut Data, its options (replaced as a whole on
 * every update), listings, row locks and the referrer search through jOOQ.
 */
@Singleton
@Connectable
public class JdbcIvrMenuRepository implements IvrMenuRepository {

    private static final String KIND = "IVR menu";

    private final DSLContext dsl;
    private final IvrMenuRows rows;

    public JdbcIvrMenuRepository(DSLContext dsl, IvrMenuRows rows) {
        this.dsl = dsl;
        this.rows = rows;
    }

    @Override
    public void insert(IvrMenu menu) {
        UniqueViolations.translate(() -> rows.save(row(menu)),
                () -> "IVR menu '" + menu.name() + "' already exists");
        insertOptions(menu);
    }

    @Override
    public boolean update(IvrMenu menu) {
        if (!rows.existsByTenantIdAndId(menu.tenant().value(), menu.id())) {
            return false;
        }
        UniqueViolations.translate(() -> rows.update(row(menu)),
                () -> "IVR menu '" + menu.name() + "' already exists");
        dsl.deleteFrom(IVR_MENU_OPTIONS).where(IVR_MENU_OPTIONS.MENU_ID.eq(menu.id())).execute();
        insertOptions(menu);
        return true;
    }

    @Override
    public void delete(TenantId tenant, UUID id) {
        rows.deleteByTenantIdAndId(tenant.value(), id);
    }

    @Override
    public Optional<IvrMenu> findById(TenantId tenant, UUID id) {
        return rows.findByTenantIdAndId(tenant.value(), id).map(this::withOptions);
    }

    @Override
    public Optional<IvrMenu> findByIdInAnyTenant(UUID id) {
        return rows.findById(id).map(this::withOptions);
    }

    @Override
    public Optional<IvrMenu> lockInScope(Optional<TenantId> scope, UUID id) {
        Condition inScope = scope.map(tenant -> IVR_MENUS.ID.eq(id).and(IVR_MENUS.TENANT_ID.eq(tenant.value())))
                .orElse(IVR_MENUS.ID.eq(id));
        return dsl.select(IVR_MENUS.fields()).from(IVR_MENUS).where(inScope).forUpdate()
                .fetchOptional(JdbcIvrMenuRepository::toRow).map(this::withOptions);
    }

    @Override
    public Optional<IvrMenu> findByName(TenantId tenant, String name) {
        return rows.findByTenantIdAndName(tenant.value(), name).map(this::withOptions);
    }

    @Override
    public List<IvrMenu> list(Optional<TenantId> tenant) {
        List<IvrMenuRow> found = tenant.isPresent() ? rows.findByTenantIdOrderByName(tenant.get().value())
                : dsl.select(IVR_MENUS.fields()).from(IVR_MENUS).orderBy(IVR_MENUS.TENANT_ID, IVR_MENUS.NAME)
                .fetch(JdbcIvrMenuRepository::toRow);
        Map<UUID, List<IvrOption>> options = options(found.stream().map(IvrMenuRow::id).toList());
        return found.stream().map(row -> toMenu(row, options.getOrDefault(row.id(), List.of()))).toList();
    }

    @Override
    public List<Referrer> pointingAt(TenantId tenant, RouteAction kind, String target) {
        List<Referrer> referrers = new ArrayList<>();
        dsl.select(IVR_MENUS.ID, IVR_MENUS.NAME, IVR_MENU_OPTIONS.DIGIT)
                .from(IVR_MENU_OPTIONS).join(IVR_MENUS).on(IVR_MENUS.ID.eq(IVR_MENU_OPTIONS.MENU_ID))
                .where(IVR_MENUS.TENANT_ID.eq(tenant.value()).and(IVR_MENU_OPTIONS.ACTION.eq(kind.wireName()))
                        .and(IVR_MENU_OPTIONS.TARGET.eq(target)))
                .orderBy(IVR_MENUS.NAME, IVR_MENU_OPTIONS.POSITION)
                .forEach(r -> referrers.add(new Referrer(KIND, r.value1(), r.value2(), "option " + r.value3())));
        dsl.select(IVR_MENUS.ID, IVR_MENUS.NAME).from(IVR_MENUS)
                .where(IVR_MENUS.TENANT_ID.eq(tenant.value()).and(IVR_MENUS.TIMEOUT_ACTION.eq(kind.wireName()))
                        .and(IVR_MENUS.TIMEOUT_TARGET.eq(target)))
                .orderBy(IVR_MENUS.NAME)
                .forEach(r -> referrers.add(new Referrer(KIND, r.value1(), r.value2(), "timeout target")));
        return referrers;
    }

    private void insertOptions(IvrMenu menu) {
        var insert = dsl.insertInto(IVR_MENU_OPTIONS, IVR_MENU_OPTIONS.MENU_ID, IVR_MENU_OPTIONS.DIGIT,
                IVR_MENU_OPTIONS.POSITION, IVR_MENU_OPTIONS.ACTION, IVR_MENU_OPTIONS.TARGET);
        List<IvrOption> options = menu.options();
        if (options.isEmpty()) {
            return;
        }
        for (int i = 0; i < options.size(); i++) {
            IvrOption option = options.get(i);
            insert = insert.values(menu.id(), option.digit(), i, option.target().action().wireName(),
                    option.target().target());
        }
        insert.execute();
    }

    private IvrMenu withOptions(IvrMenuRow row) {
        return toMenu(row, options(List.of(row.id())).getOrDefault(row.id(), List.of()));
    }

    private Map<UUID, List<IvrOption>> options(Collection<UUID> menuIds) {
        if (menuIds.isEmpty()) {
            return Map.of();
        }
        return dsl.select(IVR_MENU_OPTIONS.fields()).from(IVR_MENU_OPTIONS)
                .where(IVR_MENU_OPTIONS.MENU_ID.in(menuIds))
                .orderBy(IVR_MENU_OPTIONS.MENU_ID, IVR_MENU_OPTIONS.POSITION)
                .fetch().stream()
                .collect(Collectors.groupingBy(r -> r.get(IVR_MENU_OPTIONS.MENU_ID), java.util.LinkedHashMap::new,
                        Collectors.mapping(r -> new IvrOption(r.get(IVR_MENU_OPTIONS.DIGIT),
                                StoredTargets.read(r.get(IVR_MENU_OPTIONS.ACTION), r.get(IVR_MENU_OPTIONS.TARGET))),
                                Collectors.toList())));
    }

    private static IvrMenuRow row(IvrMenu menu) {
        return new IvrMenuRow(menu.id(), menu.tenant().value(), menu.name(), menu.greeting(), menu.timeoutSeconds(),
                menu.maxRetries(), menu.timeout().action().wireName(), menu.timeout().target(), menu.createdAt(),
                menu.updatedAt());
    }

    private static IvrMenuRow toRow(Record r) {
        return new IvrMenuRow(r.get(IVR_MENUS.ID), r.get(IVR_MENUS.TENANT_ID), r.get(IVR_MENUS.NAME),
                r.get(IVR_MENUS.GREETING), r.get(IVR_MENUS.TIMEOUT_SECONDS), r.get(IVR_MENUS.MAX_RETRIES),
                r.get(IVR_MENUS.TIMEOUT_ACTION), r.get(IVR_MENUS.TIMEOUT_TARGET), r.get(IVR_MENUS.CREATED_AT),
                r.get(IVR_MENUS.UPDATED_AT));
    }

    private static IvrMenu toMenu(IvrMenuRow row, List<IvrOption> options) {
        return new IvrMenu(row.id(), TenantId.of(row.tenantId()), row.name(), row.greeting(), row.timeoutSeconds(),
                row.maxRetries(), options, StoredTargets.read(row.timeoutAction(), row.timeoutTarget()),
                row.createdAt(), row.updatedAt());
    }
}
