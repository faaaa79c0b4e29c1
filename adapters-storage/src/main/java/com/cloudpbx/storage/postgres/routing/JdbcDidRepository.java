package com.cloudpbx.storage.postgres.routing;

import static com.cloudpbx.storage.postgres.schema.Tables.DIDS;

import com.cloudpbx.core.routing.Did;
import com.cloudpbx.core.routing.Referrer;
import com.cloudpbx.core.routing.RouteAction;
import com.cloudpbx.core.routing.RouteTarget;
import com.cloudpbx.core.routing.port.DidRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.postgres.UniqueViolations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;

/**
 * DIDs in PostgreSQL: plain reads and writes through Micronaut Data ({@link DidRows}); the row
 * lock, the update within the tenant and the reverse lookups through jOOQ.
 */
@Singleton
@Connectable
public class JdbcDidRepository implements DidRepository {

    private final DidRows rows;
    private final DSLContext dsl;

    public JdbcDidRepository(DidRows rows, DSLContext dsl) {
        this.rows = rows;
        this.dsl = dsl;
    }

    @Override
    public void insert(Did did) {
        write(() -> rows.save(toRow(did)), did);
    }

    @Override
    public boolean update(Did did) {
        boolean[] updated = new boolean[1];
        write(() -> updated[0] = dsl.update(DIDS)
                .set(DIDS.NUMBER, did.number().e164())
                .set(DIDS.INBOUND_ROUTE, did.route().action().wireName())
                .set(DIDS.ROUTE_TARGET, did.route().target())
                .set(DIDS.SCHEDULE_ID, did.scheduleId())
                .set(DIDS.EMERGENCY_CALLER_ID, did.emergencyCallerId())
                .set(DIDS.STATUS, status(did.active()))
                .set(DIDS.UPDATED_AT, did.updatedAt())
                .where(DIDS.TENANT_ID.eq(did.tenant().value()).and(DIDS.ID.eq(did.id())))
                .execute() == 1, did);
        return updated[0];
    }

    @Override
    public void delete(TenantId tenant, UUID id) {
        rows.deleteByTenantIdAndId(tenant.value(), id);
    }

    @Override
    public Optional<Did> findById(TenantId tenant, UUID id) {
        return rows.findByTenantIdAndId(tenant.value(), id).map(JdbcDidRepository::toDid);
    }

    @Override
    public Optional<Did> findByIdInAnyTenant(UUID id) {
        return rows.findById(id).map(JdbcDidRepository::toDid);
    }

    @Override
    public Optional<Did> lockInScope(Optional<TenantId> scope, UUID id) {
        Condition inScope = scope.map(tenant -> DIDS.ID.eq(id).and(DIDS.TENANT_ID.eq(tenant.value())))
                .orElse(DIDS.ID.eq(id));
        return dsl.selectFrom(DIDS).where(inScope).forUpdate().fetchOptional()
                .map(row -> toDid(new DidRow(row.get(DIDS.ID), row.get(DIDS.TENANT_ID), row.get(DIDS.NUMBER),
                        row.get(DIDS.INBOUND_ROUTE), row.get(DIDS.ROUTE_TARGET), row.get(DIDS.SCHEDULE_ID),
                        row.get(DIDS.EMERGENCY_CALLER_ID), row.get(DIDS.STATUS), row.get(DIDS.CREATED_AT),
                        row.get(DIDS.UPDATED_AT))));
    }

    @Override
    public Optional<Did> findByNumber(PhoneNumber number) {
        return rows.findByNumber(number.e164()).map(JdbcDidRepository::toDid);
    }

    @Override
    public List<Did> list(TenantId tenant) {
        return rows.findByTenantIdOrderByNumber(tenant.value()).stream().map(JdbcDidRepository::toDid).toList();
    }

    @Override
    public List<Did> listInAnyTenant() {
        return rows.listOrderByNumber().stream().map(JdbcDidRepository::toDid).toList();
    }

    @Override
    public List<Referrer> pointingAt(TenantId tenant, RouteAction kind, String target) {
        return dsl.select(DIDS.ID, DIDS.NUMBER).from(DIDS)
                .where(DIDS.TENANT_ID.eq(tenant.value()).and(DIDS.INBOUND_ROUTE.eq(kind.wireName()))
                        .and(DIDS.ROUTE_TARGET.eq(target)))
                .orderBy(DIDS.NUMBER)
                .fetch(row -> new Referrer("DID", row.value1(), row.value2(), "inbound route"));
    }

    @Override
    public List<Referrer> followingSchedule(TenantId tenant, UUID scheduleId) {
        return dsl.select(DIDS.ID, DIDS.NUMBER).from(DIDS)
                .where(DIDS.TENANT_ID.eq(tenant.value()).and(DIDS.SCHEDULE_ID.eq(scheduleId)))
                .orderBy(DIDS.NUMBER)
                .fetch(row -> new Referrer("DID", row.value1(), row.value2(), "schedule"));
    }

    /**
     * The use case checks the number and the schedule first; two concurrent requests can still
     * both pass, and the constraints then decide: a taken number is a 400, and so is a schedule
     * deleted meanwhile (its foreign key), rather than a 500.
     */
    private static void write(Runnable write, Did did) {
        try {
            UniqueViolations.translate(write, () -> did.number() + " is already assigned");
        } catch (RuntimeException e) {
            if (ForeignKeyViolations.isForeignKeyViolation(e)) {
                throw DomainException.invalid("scheduleId", "no schedule " + did.scheduleId());
            }
            throw e;
        }
    }

    private static String status(boolean active) {
        return active ? "active" : "inactive";
    }

    private static DidRow toRow(Did did) {
        return new DidRow(did.id(), did.tenant().value(), did.number().e164(), did.route().action().wireName(),
                did.route().target(), did.scheduleId(), did.emergencyCallerId(), status(did.active()),
                did.createdAt(), did.updatedAt());
    }

    private static Did toDid(DidRow row) {
        RouteAction action = RouteAction.parse(row.inboundRoute(), "inbound_route", EnumSet.allOf(RouteAction.class));
        return new Did(row.id(), TenantId.of(row.tenantId()), new PhoneNumber(row.number()),
                new RouteTarget(action, row.routeTarget()), row.scheduleId(), row.emergencyCallerId(),
                "active".equals(row.status()), row.createdAt(), row.updatedAt());
    }
}
