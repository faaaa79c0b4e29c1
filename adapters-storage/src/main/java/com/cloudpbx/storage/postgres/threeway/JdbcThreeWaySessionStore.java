package com.cloudpbx.storage.postgres.threeway;

import static com.cloudpbx.storage.postgres.schema.Tables.THREE_WAY_LEGS;
import static com.cloudpbx.storage.postgres.schema.Tables.THREE_WAY_SESSIONS;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.threeway.ThreeWaySession;
import com.cloudpbx.core.threeway.port.ThreeWaySessionStore;
import com.cloudpbx.storage.postgres.UniqueViolations;
import io.micronaut.data.connection.annotation.Connectable;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import java.sql.Connection;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.InsertValuesStep2;
import org.jooq.Name;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Three-way sessions in PostgreSQL, so that every API node sees the same ones. A session is a row
 * of {@code three_way_sessions} plus one row of {@code three_way_legs} per leg, which finds it by
 * any leg and keeps a leg in one session only. Versions and the tables' unique keys decide
 * between concurrent writers: the loser is told false and nothing of its write remains.
 */
@Singleton
@Connectable
public class JdbcThreeWaySessionStore implements ThreeWaySessionStore {

    /**
     * A save touches both tables and must land whole or not at all, even inside a caller's
     * transaction: a lost race rolls back to this savepoint, so the caller's transaction stays
     * usable. (Micronaut's NESTED propagation joins an existing transaction without a savepoint,
     * which is why the savepoint is set here.)
     */
    private static final Name BEFORE_SAVE = DSL.name("three_way_save");

    /** What a session is read from, typed: selecting these (not *) reads each as its Java type. */
    private static final List<Field<?>> COLUMNS = List.of(
            THREE_WAY_SESSIONS.MODERATOR, THREE_WAY_SESSIONS.TENANT_ID, THREE_WAY_SESSIONS.STATE,
            THREE_WAY_SESSIONS.FIRST_PARTY, THREE_WAY_SESSIONS.SECOND_PARTY, THREE_WAY_SESSIONS.CONFERENCE,
            THREE_WAY_SESSIONS.GUESTS, MembersColumn.LEGS, MembersColumn.MEMBER_IDS, THREE_WAY_SESSIONS.ENDED,
            THREE_WAY_SESSIONS.VERSION);

    private final DSLContext dsl;
    private final TransactionOperations<Connection> transactions;

    public JdbcThreeWaySessionStore(DSLContext dsl, TransactionOperations<Connection> transactions) {
        this.dsl = dsl;
        this.transactions = transactions;
    }

    @Override
    public Optional<ThreeWaySession> findByLeg(TenantId tenant, UUID leg) {
        return dsl.select(COLUMNS).from(THREE_WAY_SESSIONS)
                .where(THREE_WAY_SESSIONS.TENANT_ID.eq(tenant.value())
                        .and(THREE_WAY_SESSIONS.MODERATOR.eq(moderatorOf(leg))))
                .fetchOptional(JdbcThreeWaySessionStore::toSession);
    }

    @Override
    public Optional<ThreeWaySession> findByLegInAnyTenant(UUID leg) {
        return dsl.select(COLUMNS).from(THREE_WAY_SESSIONS)
                .where(THREE_WAY_SESSIONS.MODERATOR.eq(moderatorOf(leg)))
                .fetchOptional(JdbcThreeWaySessionStore::toSession);
    }

    /** The moderator of the session the leg takes part in, as a subquery. */
    private static Field<UUID> moderatorOf(UUID leg) {
        return DSL.field(DSL.select(THREE_WAY_LEGS.MODERATOR).from(THREE_WAY_LEGS).where(THREE_WAY_LEGS.LEG.eq(leg)));
    }

    @Override
    public Optional<ThreeWaySession> findByConference(TenantId tenant, String conference) {
        return dsl.select(COLUMNS).from(THREE_WAY_SESSIONS)
                .where(THREE_WAY_SESSIONS.TENANT_ID.eq(tenant.value())
                        .and(THREE_WAY_SESSIONS.CONFERENCE.eq(conference)))
                .fetchOptional(JdbcThreeWaySessionStore::toSession);
    }

    @Override
    public boolean save(ThreeWaySession session, long expectedVersion) {
        Map<Field<?>, Object> columns = changingColumns(session);
        return allOrNothing(() -> expectedVersion == 0 ? insert(session, columns)
                : update(session, columns, expectedVersion));
    }

    /** One statement, so no transaction is needed; the legs go with the session (ON DELETE CASCADE). */
    @Override
    public boolean remove(ThreeWaySession session, long expectedVersion) {
        return dsl.deleteFrom(THREE_WAY_SESSIONS)
                .where(THREE_WAY_SESSIONS.MODERATOR.eq(session.moderator())
                        .and(THREE_WAY_SESSIONS.VERSION.eq(expectedVersion)))
                .execute() == 1;
    }

    /**
     * A session the moderator already has, or one of the tenant's sessions holding the conference
     * name, leaves the row out without an error; a leg already in another session violates the
     * legs' primary key.
     */
    private boolean insert(ThreeWaySession session, Map<Field<?>, Object> columns) {
        int inserted = dsl.insertInto(THREE_WAY_SESSIONS)
                .set(THREE_WAY_SESSIONS.MODERATOR, session.moderator())
                .set(THREE_WAY_SESSIONS.TENANT_ID, session.tenant().value())
                .set(columns)
                .onConflictDoNothing()
                .execute();
        if (inserted == 0) {
            return false;
        }
        insertLegs(session.moderator(), session.legs());
        return true;
    }

    /**
     * The version check and the write are one statement: of two writers that read the same version
     * the second waits for the first's row lock and then finds the version moved on.
     */
    private boolean update(ThreeWaySession session, Map<Field<?>, Object> columns, long expectedVersion) {
        int updated = dsl.update(THREE_WAY_SESSIONS)
                .set(columns)
                .where(THREE_WAY_SESSIONS.MODERATOR.eq(session.moderator())
                        .and(THREE_WAY_SESSIONS.VERSION.eq(expectedVersion)))
                .execute();
        if (updated == 0) {
            return false;
        }
        replaceLegs(session);
        return true;
    }

    /**
     * Touches only the legs that left or joined: most changes (an answer, a member id, a hang-up)
     * keep the state's legs, and then no leg row is written. The session's row lock, taken by
     * the update, keeps other writers of this session away meanwhile.
     */
    private void replaceLegs(ThreeWaySession session) {
        Set<UUID> stored = Set.copyOf(dsl.select(THREE_WAY_LEGS.LEG).from(THREE_WAY_LEGS)
                .where(THREE_WAY_LEGS.MODERATOR.eq(session.moderator()))
                .fetch(THREE_WAY_LEGS.LEG));
        Set<UUID> left = new HashSet<>(stored);
        left.removeAll(session.legs());
        if (!left.isEmpty()) {
            dsl.deleteFrom(THREE_WAY_LEGS).where(THREE_WAY_LEGS.LEG.in(left)).execute();
        }
        Set<UUID> joined = new HashSet<>(session.legs());
        joined.removeAll(stored);
        insertLegs(session.moderator(), joined);
    }

    /**
     * In UUID order, so that two writers wanting some of the same legs take their index entries
     * in the same order and one waits for the other rather than both deadlocking.
     */
    private void insertLegs(UUID moderator, Set<UUID> legs) {
        if (legs.isEmpty()) {
            return;
        }
        InsertValuesStep2<Record, UUID, UUID> insert =
                dsl.insertInto(THREE_WAY_LEGS, THREE_WAY_LEGS.LEG, THREE_WAY_LEGS.MODERATOR);
        legs.stream().sorted().forEach(leg -> insert.values(leg, moderator));
        insert.execute();
    }

    /**
     * Runs the write in the caller's transaction, or in one of its own. A unique violation means
     * another writer took a leg or the conference name first: the write is undone to the
     * savepoint and reported as lost, and the transaction carries on.
     */
    private boolean allOrNothing(BooleanSupplier write) {
        return transactions.executeWrite(status -> {
            dsl.savepoint(BEFORE_SAVE).execute();
            try {
                boolean written = write.getAsBoolean();
                dsl.releaseSavepoint(BEFORE_SAVE).execute();
                return written;
            } catch (RuntimeException e) {
                if (!UniqueViolations.isUniqueViolation(e)) {
                    throw e;
                }
                dsl.rollback().toSavepoint(BEFORE_SAVE).execute();
                return false;
            }
        });
    }

    /** Everything but the key and the tenant; an ended state is refused here, before any write. */
    private static Map<Field<?>, Object> changingColumns(ThreeWaySession session) {
        StateColumns state = StateColumns.of(session.state());
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(THREE_WAY_SESSIONS.STATE, state.name());
        columns.put(THREE_WAY_SESSIONS.FIRST_PARTY, state.firstParty());
        columns.put(THREE_WAY_SESSIONS.SECOND_PARTY, state.secondParty());
        columns.put(THREE_WAY_SESSIONS.CONFERENCE, state.conference());
        columns.put(THREE_WAY_SESSIONS.GUESTS, state.guests());
        columns.put(THREE_WAY_SESSIONS.MEMBERS, MembersColumn.of(session.members()));
        columns.put(THREE_WAY_SESSIONS.ENDED, session.ended().toArray(UUID[]::new));
        columns.put(THREE_WAY_SESSIONS.VERSION, session.version());
        columns.put(THREE_WAY_SESSIONS.UPDATED_AT, DSL.currentInstant());
        return columns;
    }

    private static ThreeWaySession toSession(Record row) {
        StateColumns state = new StateColumns(row.get(THREE_WAY_SESSIONS.STATE),
                row.get(THREE_WAY_SESSIONS.FIRST_PARTY), row.get(THREE_WAY_SESSIONS.SECOND_PARTY),
                row.get(THREE_WAY_SESSIONS.CONFERENCE), row.get(THREE_WAY_SESSIONS.GUESTS));
        return new ThreeWaySession(TenantId.of(row.get(THREE_WAY_SESSIONS.TENANT_ID)),
                row.get(THREE_WAY_SESSIONS.MODERATOR), state.state(),
                MembersColumn.read(row.get(MembersColumn.LEGS), row.get(MembersColumn.MEMBER_IDS)),
                Set.copyOf(Arrays.asList(row.get(THREE_WAY_SESSIONS.ENDED))), row.get(THREE_WAY_SESSIONS.VERSION));
    }
}
