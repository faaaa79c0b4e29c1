package com.cloudpbx.storage.postgres.routing;

import static com.cloudpbx.storage.postgres.schema.Tables.BUSINESS_SCHEDULES;
import static com.cloudpbx.storage.postgres.schema.Tables.BUSINESS_SCHEDULE_HOLIDAYS;
import static com.cloudpbx.storage.postgres.schema.Tables.BUSINESS_SCHEDULE_HOURS;

import com.cloudpbx.core.routing.BusinessSchedule;
import com.cloudpbx.core.routing.BusinessSchedule.Holiday;
import com.cloudpbx.core.routing.BusinessSchedule.OpeningHours;
import com.cloudpbx.core.routing.Referrer;
import com.cloudpbx.core.routing.RouteAction;
import com.cloudpbx.core.routing.RouteTarget;
import com.cloudpbx.core.routing.port.ScheduleRepository;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.postgres.UniqueViolations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.DayOfWeek;
import java.time.ZoneId;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;

/**
 * Business schedules in PostgreSQL: the schedule's own row through Micronaut Data
 * ({@link ScheduleRows}); its hours and holidays (child rows, replaced as a whole on update), the
 * row lock and the reverse lookups through jOOQ.
 */
@Singleton
@Connectable
public class JdbcScheduleRepository implements ScheduleRepository {

    private final ScheduleRows rows;
    private final DSLContext dsl;

    public JdbcScheduleRepository(ScheduleRows rows, DSLContext dsl) {
        this.rows = rows;
        this.dsl = dsl;
    }

    @Override
    public void insert(BusinessSchedule schedule) {
        UniqueViolations.translate(() -> rows.save(toRow(schedule)), () -> duplicate(schedule));
        insertChildren(schedule);
    }

    @Override
    public boolean update(BusinessSchedule schedule) {
        boolean[] updated = new boolean[1];
        UniqueViolations.translate(() -> updated[0] = dsl.update(BUSINESS_SCHEDULES)
                .set(BUSINESS_SCHEDULES.NAME, schedule.name())
                .set(BUSINESS_SCHEDULES.TIMEZONE, schedule.zone().getId())
                .set(BUSINESS_SCHEDULES.AFTER_HOURS_ACTION, schedule.afterHours().action().wireName())
                .set(BUSINESS_SCHEDULES.AFTER_HOURS_TARGET, schedule.afterHours().target())
                .set(BUSINESS_SCHEDULES.UPDATED_AT, schedule.updatedAt())
                .where(BUSINESS_SCHEDULES.TENANT_ID.eq(schedule.tenant().value())
                        .and(BUSINESS_SCHEDULES.ID.eq(schedule.id())))
                .execute() == 1, () -> duplicate(schedule));
        if (!updated[0]) {
            return false;
        }
        dsl.deleteFrom(BUSINESS_SCHEDULE_HOURS).where(BUSINESS_SCHEDULE_HOURS.SCHEDULE_ID.eq(schedule.id())).execute();
        dsl.deleteFrom(BUSINESS_SCHEDULE_HOLIDAYS).where(BUSINESS_SCHEDULE_HOLIDAYS.SCHEDULE_ID.eq(schedule.id()))
                .execute();
        insertChildren(schedule);
        return true;
    }

    @Override
    public void delete(TenantId tenant, UUID id) {
        rows.deleteByTenantIdAndId(tenant.value(), id);
    }

    @Override
    public Optional<BusinessSchedule> findById(TenantId tenant, UUID id) {
        return rows.findByTenantIdAndId(tenant.value(), id).map(this::withChildren);
    }

    @Override
    public Optional<BusinessSchedule> findByIdInAnyTenant(UUID id) {
        return rows.findById(id).map(this::withChildren);
    }

    @Override
    public Optional<BusinessSchedule> lockInScope(Optional<TenantId> scope, UUID id) {
        Condition inScope = scope.map(t -> BUSINESS_SCHEDULES.ID.eq(id).and(BUSINESS_SCHEDULES.TENANT_ID.eq(t.value())))
                .orElse(BUSINESS_SCHEDULES.ID.eq(id));
        return dsl.select(BUSINESS_SCHEDULES.fields()).from(BUSINESS_SCHEDULES).where(inScope).forUpdate()
                .fetchOptional(JdbcScheduleRepository::toRow)
                .map(this::withChildren);
    }

    @Override
    public Optional<BusinessSchedule> findByName(TenantId tenant, String name) {
        return rows.findByTenantIdAndName(tenant.value(), name).map(this::withChildren);
    }

    @Override
    public List<BusinessSchedule> list(TenantId tenant) {
        return withChildren(rows.findByTenantIdOrderByName(tenant.value()));
    }

    @Override
    public List<BusinessSchedule> listInAnyTenant() {
        return withChildren(dsl.select(BUSINESS_SCHEDULES.fields()).from(BUSINESS_SCHEDULES)
                .orderBy(BUSINESS_SCHEDULES.TENANT_ID, BUSINESS_SCHEDULES.NAME)
                .fetch(JdbcScheduleRepository::toRow));
    }

    @Override
    public List<Referrer> pointingAt(TenantId tenant, RouteAction kind, String target) {
        return dsl.select(BUSINESS_SCHEDULES.ID, BUSINESS_SCHEDULES.NAME).from(BUSINESS_SCHEDULES)
                .where(BUSINESS_SCHEDULES.TENANT_ID.eq(tenant.value())
                        .and(BUSINESS_SCHEDULES.AFTER_HOURS_ACTION.eq(kind.wireName()))
                        .and(BUSINESS_SCHEDULES.AFTER_HOURS_TARGET.eq(target)))
                .orderBy(BUSINESS_SCHEDULES.NAME)
                .fetch(row -> new Referrer("schedule", row.value1(), row.value2(), "after-hours target"));
    }

    private void insertChildren(BusinessSchedule schedule) {
        var hours = dsl.insertInto(BUSINESS_SCHEDULE_HOURS, BUSINESS_SCHEDULE_HOURS.SCHEDULE_ID,
                BUSINESS_SCHEDULE_HOURS.POSITION, BUSINESS_SCHEDULE_HOURS.DAY, BUSINESS_SCHEDULE_HOURS.ENABLED,
                BUSINESS_SCHEDULE_HOURS.START_TIME, BUSINESS_SCHEDULE_HOURS.END_TIME);
        for (int i = 0; i < schedule.weekly().size(); i++) {
            OpeningHours range = schedule.weekly().get(i);
            hours = hours.values(schedule.id(), i, range.day().name().toLowerCase(Locale.ROOT), range.enabled(),
                    range.start(), range.end());
        }
        if (!schedule.weekly().isEmpty()) {
            hours.execute();
        }
        var holidays = dsl.insertInto(BUSINESS_SCHEDULE_HOLIDAYS, BUSINESS_SCHEDULE_HOLIDAYS.SCHEDULE_ID,
                BUSINESS_SCHEDULE_HOLIDAYS.HOLIDAY, BUSINESS_SCHEDULE_HOLIDAYS.NAME);
        for (Holiday holiday : schedule.holidays()) {
            holidays = holidays.values(schedule.id(), holiday.date(), holiday.name());
        }
        if (!schedule.holidays().isEmpty()) {
            holidays.execute();
        }
    }

    private BusinessSchedule withChildren(ScheduleRow row) {
        return withChildren(List.of(row)).get(0);
    }

    /** Two queries for any number of schedules: their hours, then their holidays. */
    private List<BusinessSchedule> withChildren(List<ScheduleRow> schedules) {
        if (schedules.isEmpty()) {
            return List.of();
        }
        Collection<UUID> ids = schedules.stream().map(ScheduleRow::id).toList();
        Map<UUID, List<OpeningHours>> hours = dsl.selectFrom(BUSINESS_SCHEDULE_HOURS)
                .where(BUSINESS_SCHEDULE_HOURS.SCHEDULE_ID.in(ids))
                .orderBy(BUSINESS_SCHEDULE_HOURS.SCHEDULE_ID, BUSINESS_SCHEDULE_HOURS.POSITION)
                .fetch().stream()
                .collect(Collectors.groupingBy(r -> r.get(BUSINESS_SCHEDULE_HOURS.SCHEDULE_ID),
                        Collectors.mapping(r -> new OpeningHours(
                                DayOfWeek.valueOf(r.get(BUSINESS_SCHEDULE_HOURS.DAY).toUpperCase(Locale.ROOT)),
                                r.get(BUSINESS_SCHEDULE_HOURS.ENABLED), r.get(BUSINESS_SCHEDULE_HOURS.START_TIME),
                                r.get(BUSINESS_SCHEDULE_HOURS.END_TIME)), Collectors.toList())));
        Map<UUID, List<Holiday>> holidays = dsl.selectFrom(BUSINESS_SCHEDULE_HOLIDAYS)
                .where(BUSINESS_SCHEDULE_HOLIDAYS.SCHEDULE_ID.in(ids))
                .orderBy(BUSINESS_SCHEDULE_HOLIDAYS.SCHEDULE_ID, BUSINESS_SCHEDULE_HOLIDAYS.HOLIDAY)
                .fetch().stream()
                .collect(Collectors.groupingBy(r -> r.get(BUSINESS_SCHEDULE_HOLIDAYS.SCHEDULE_ID),
                        Collectors.mapping(r -> new Holiday(r.get(BUSINESS_SCHEDULE_HOLIDAYS.HOLIDAY),
                                r.get(BUSINESS_SCHEDULE_HOLIDAYS.NAME)), Collectors.toList())));
        return schedules.stream().map(row -> new BusinessSchedule(row.id(), TenantId.of(row.tenantId()), row.name(),
                ZoneId.of(row.timezone()), hours.getOrDefault(row.id(), List.of()),
                holidays.getOrDefault(row.id(), List.of()),
                new RouteTarget(RouteAction.parse(row.afterHoursAction(), "after_hours_action",
                        EnumSet.allOf(RouteAction.class)), row.afterHoursTarget()),
                row.createdAt(), row.updatedAt())).toList();
    }

    private static String duplicate(BusinessSchedule schedule) {
        return "Schedule '" + schedule.name() + "' already exists";
    }

    private static ScheduleRow toRow(BusinessSchedule schedule) {
        return new ScheduleRow(schedule.id(), schedule.tenant().value(), schedule.name(), schedule.zone().getId(),
                schedule.afterHours().action().wireName(), schedule.afterHours().target(), schedule.createdAt(),
                schedule.updatedAt());
    }

    private static ScheduleRow toRow(Record row) {
        return new ScheduleRow(row.get(BUSINESS_SCHEDULES.ID), row.get(BUSINESS_SCHEDULES.TENANT_ID),
                row.get(BUSINESS_SCHEDULES.NAME), row.get(BUSINESS_SCHEDULES.TIMEZONE),
                row.get(BUSINESS_SCHEDULES.AFTER_HOURS_ACTION), row.get(BUSINESS_SCHEDULES.AFTER_HOURS_TARGET),
                row.get(BUSINESS_SCHEDULES.CREATED_AT), row.get(BUSINESS_SCHEDULES.UPDATED_AT));
    }
}
