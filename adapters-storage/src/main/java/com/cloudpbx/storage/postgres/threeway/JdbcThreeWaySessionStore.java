package com.cloudpbx.storage.postgres.threeway;

import static com.cloudpbx.storage.postgres.threeway.ThreeWayLegsTable.LEG;
import static com.cloudpbx.storage.postgres.threeway.ThreeWayLegsTable.THREE_WAY_LEGS;
import static com.cloudpbx.storage.postgres.threeway.ThreeWaySessionsTable.COLUMNS;
import static com.cloudpbx.storage.postgres.threeway.ThreeWaySessionsTable.CONFERENCE;
import static com.cloudpbx.storage.postgres.threeway.ThreeWaySessionsTable.ENDED;
import static com.cloudpbx.storage.postgres.threeway.ThreeWaySessionsTable.FIRST_PARTY;
import static com.cloudpbx.storage.postgres.threeway.ThreeWaySessionsTable.GUESTS;
import static com.cloudpbx.storage.postgres.threeway.ThreeWaySessionsTable.MEMBERS;
import static com.cloudpbx.storage.postgres.threeway.ThreeWaySessionsTable.MEMBER_IDS;
import static com.cloudpbx.storage.postgres.threeway.ThreeWaySessionsTable.MEMBER_LEGS;
import static com.cloudpbx.storage.postgres.threeway.ThreeWaySessionsTable.MODERATOR;
import static com.cloudpbx.storage.postgres.threeway.ThreeWaySessionsTable.SECOND_PARTY;
import static com.cloudpbx.storage.postgres.threeway.ThreeWaySessionsTable.STATE;
import static com.cloudpbx.storage.postgres.threeway.ThreeWaySessionsTable.TENANT_ID;
import static com.cloudpbx.storage.postgres.threeway.ThreeWaySessionsTable.THREE_WAY_SESSIONS;
import static com.cloudpbx.storage.postgres.threeway.ThreeWaySessionsTable.UPDATED_AT;
import static com.cloudpbx.storage.postgres.threeway.ThreeWaySessionsTable.VERSION;

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

    private final DSLContext dsl;
    private final TransactionOperations<Connection> transactions;

    public JdbcThreeWaySessionStore(DSLContext dsl, TransactionOperations<Connection> transactions) {
        this.dsl = dsl;
        this.transactions = transactions;
    }

    @Override
    public Optional<ThreeWaySession> findByLeg(TenantId tenant, UUID leg) {
        return dsl.select(COLUMNS).from(THREE_WAY_SESSIONS)
                .where(TENANT_ID.eq(tenant.value()).and(MODERATOR.eq(moderatorOf(leg))))
                .fetchOptional(JdbcThreeWaySessionStore::toSession);
    }

    @Override
    public Optional<ThreeWaySession> findByLegInAnyTenant(UUID leg) {
        return dsl.select(COLUMNS).from(THREE_WAY_SESSIONS)
                .where(MODERATOR.eq(moderatorOf(leg)))
                .fetchOptional(JdbcThreeWaySessionStore::toSession);
    }

    /** The moderator of the session the leg takes part in, as a subquery. */
    private static Field<UUID> moderatorOf(UUID leg) {
        return DSL.field(DSL.select(ThreeWayLegsTable.MODERATOR).from(THREE_WAY_LEGS).where(LEG.eq(leg)));
    }

    @Override
    public Optional<ThreeWaySession> findByConference(TenantId tenant, String conference) {
        return dsl.select(COLUMNS).from(THREE_WAY_SESSIONS)
                .where(TENANT_ID.eq(tenant.value()).and(CONFERENCE.eq(conference)))
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
                .where(MODERATOR.eq(session.moderator()).and(VERSION.eq(expectedVersion)))
                .execute() == 1;
    }

    /**
     * A session the moderator already has, or one of the tenant's sessions holding the conference
     * name, leaves the row out without an error; a leg already in another session violates the
     * legs' primary key.
     */
    private boolean insert(ThreeWaySession session, Map<Field<?>, Object> columns) {
        int inserted = dsl.insertInto(THREE_WAY_SESSIONS)
                .set(MODERATOR, session.moderator())
                .set(TENANT_ID, session.tenant().value())
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
                .where(MODERATOR.eq(session.moderator()).and(VERSION.eq(expectedVersion)))
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
        Set<UUID> stored = Set.copyOf(dsl.select(LEG).from(THREE_WAY_LEGS)
                .where(ThreeWayLegsTable.MODERATOR.eq(session.moderator()))
                .fetch(LEG));
        Set<UUID> left = new HashSet<>(stored);
        left.removeAll(session.legs());
        if (!left.isEmpty()) {
            dsl.deleteFrom(THREE_WAY_LEGS).where(LEG.in(left)).execute();
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
                dsl.insertInto(THREE_WAY_LEGS, LEG, ThreeWayLegsTable.MODERATOR);
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
        columns.put(STATE, state.name());
        columns.put(FIRST_PARTY, state.firstParty());
        columns.put(SECOND_PARTY, state.secondParty());
        columns.put(CONFERENCE, state.conference());
        columns.put(GUESTS, state.guests());
        columns.put(MEMBERS, MembersColumn.of(session.members()));
        columns.put(ENDED, session.ended().toArray(UUID[]::new));
        columns.put(VERSION, session.version());
        columns.put(UPDATED_AT, DSL.currentInstant());
        return columns;
    }

    private static ThreeWaySession toSession(Record row) {
        StateColumns state = new StateColumns(row.get(STATE), row.get(FIRST_PARTY), row.get(SECOND_PARTY),
                row.get(CONFERENCE), row.get(GUESTS));
        return new ThreeWaySession(TenantId.of(row.get(TENANT_ID)), row.get(MODERATOR), state.state(),
                MembersColumn.read(row.get(MEMBER_LEGS), row.get(MEMBER_IDS)),
                Set.copyOf(Arrays.asList(row.get(ENDED))), row.get(VERSION));
    }
}
