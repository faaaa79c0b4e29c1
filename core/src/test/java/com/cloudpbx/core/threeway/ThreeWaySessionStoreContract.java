package com.cloudpbx.core.threeway;

import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import com.cloudpbx.core.threeway.ThreeWayState.ConsultAnswered;
import com.cloudpbx.core.threeway.ThreeWayState.Consulting;
import com.cloudpbx.core.threeway.ThreeWayState.Ended;
import com.cloudpbx.core.threeway.ThreeWayState.Merged;
import com.cloudpbx.core.threeway.ThreeWayState.Private;
import com.cloudpbx.core.threeway.ThreeWayState.StateName;
import com.cloudpbx.core.threeway.ThreeWayState.TwoParty;
import com.cloudpbx.core.threeway.port.ThreeWaySessionStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** What every {@link ThreeWaySessionStore} does; each adapter's test extends this. */
public abstract class ThreeWaySessionStoreContract {

    private static final int CONTENDERS = 8;

    private ThreeWaySessionStore store;
    private TenantRepository tenants;
    private TenantId acme;
    private TenantId globex;

    /** A store holding no sessions; called before every test. */
    protected abstract ThreeWaySessionStore newStore();

    /** Tenants of the same store: every session belongs to one. */
    protected abstract TenantRepository tenants();

    @BeforeEach
    void startEmpty() {
        store = newStore();
        tenants = tenants();
        acme = newTenant("Acme");
        globex = newTenant("Globex");
    }

    @Test
    void aSessionIsFoundByLegInItsTenantOnly() {
        UUID moderator = UUID.randomUUID();
        UUID party = UUID.randomUUID();
        ThreeWaySession session = ThreeWaySession.start(acme, moderator, party);
        store.save(session, 0);
        ThreeWaySession stored = store.findByLegInAnyTenant(moderator).orElseThrow();

        assertThat(store.findByLeg(acme, moderator)).contains(stored);
        assertThat(store.findByLeg(acme, party)).contains(stored);
        assertThat(store.findByLeg(globex, moderator)).isEmpty();
        assertThat(store.findByLeg(globex, party)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = StateName.class, mode = EnumSource.Mode.EXCLUDE, names = "ENDED")
    void everyStateComesBackWithItsMembersAndEndedLegsUnderEachOfItsLegs(StateName name) {
        UUID moderator = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID leftEarlier = UUID.randomUUID();
        ThreeWaySession session = new ThreeWaySession(acme, moderator, state(name, first, second, "huddle-1"),
                Map.of(moderator, "17", first, "18"), Set.of(first, leftEarlier), 3);

        assertThat(store.save(session, 0)).isTrue();

        assertThat(session.legs()).hasSize(name == StateName.TWO_PARTY ? 2 : 3);
        for (UUID leg : session.legs()) {
            assertThat(store.findByLegInAnyTenant(leg)).as("found by %s", leg).contains(session);
        }
        assertThat(store.findByLegInAnyTenant(UUID.randomUUID())).isEmpty();
    }

    @Test
    void aMergedSessionWithGuestsComesBackInTheirOrderUnderEveryLeg() {
        UUID moderator = UUID.randomUUID();
        List<UUID> guests = List.of(UUID.randomUUID(), UUID.randomUUID());
        ThreeWaySession session = new ThreeWaySession(acme, moderator,
                new Merged(UUID.randomUUID(), UUID.randomUUID(), "four-legs", guests), Map.of(), Set.of(), 1);

        assertThat(store.save(session, 0)).isTrue();

        assertThat(session.legs()).hasSize(5);
        for (UUID leg : session.legs()) {
            assertThat(store.findByLeg(acme, leg)).as("found by %s", leg).contains(session);
        }
    }

    @Test
    void aGuestWhoLeftNoLongerFindsTheSession() {
        UUID guest = UUID.randomUUID();
        ThreeWaySession withGuest = new ThreeWaySession(acme, UUID.randomUUID(),
                new Merged(UUID.randomUUID(), UUID.randomUUID(), "four-legs", List.of(guest)), Map.of(), Set.of(), 1);
        store.save(withGuest, 0);
        Merged before = (Merged) withGuest.state();
        ThreeWaySession without = withGuest.moveTo(new Merged(before.a(), before.b(), before.conference()));

        assertThat(store.save(without, withGuest.version())).isTrue();

        assertThat(store.findByLeg(acme, guest)).isEmpty();
        assertThat(store.findByLeg(acme, withGuest.moderator())).contains(without);
    }

    @Test
    void aNewSessionWithoutMembersOrEndedLegsComesBackAsSaved() {
        ThreeWaySession started = started(acme);
        ThreeWaySession consulting = started.moveTo(new Consulting(party(started), UUID.randomUUID()));

        assertThat(store.save(consulting, 0)).isTrue();

        assertThat(store.findByLegInAnyTenant(started.moderator())).contains(consulting);
    }

    @Test
    void aSessionIsFoundByItsTenantsConferenceNameOnly() {
        ThreeWaySession merged = merged(acme, "huddle");
        store.save(merged, 0);

        assertThat(store.findByConference(acme, "huddle")).contains(merged);
        assertThat(store.findByConference(globex, "huddle")).isEmpty();
        assertThat(store.findByConference(acme, "other")).isEmpty();
    }

    @Test
    void theSameConferenceNameInTwoTenantsIsTwoConferences() {
        ThreeWaySession ours = merged(acme, "huddle");
        ThreeWaySession theirs = merged(globex, "huddle");

        assertThat(store.save(ours, 0)).isTrue();
        assertThat(store.save(theirs, 0)).isTrue();

        assertThat(store.findByConference(acme, "huddle")).contains(ours);
        assertThat(store.findByConference(globex, "huddle")).contains(theirs);
    }

    @Test
    void aConferenceNameBelongsToOneSessionOfATenant() {
        ThreeWaySession holder = merged(acme, "huddle");
        store.save(holder, 0);
        ThreeWaySession newcomer = merged(acme, "huddle");
        ThreeWaySession other = consultAnswered(acme);
        store.save(other, 0);
        ThreeWaySession otherMerged = other.moveTo(mergedFrom(other, "huddle"));

        assertThat(store.save(newcomer, 0)).isFalse();
        assertThat(store.save(otherMerged, other.version())).isFalse();

        assertThat(store.findByLegInAnyTenant(newcomer.moderator())).isEmpty();
        assertThat(store.findByLegInAnyTenant(other.moderator())).contains(other);
        assertThat(store.findByConference(acme, "huddle")).contains(holder);
    }

    @Test
    void aSessionThatLeftItsConferenceIsNoLongerFoundByItsName() {
        ThreeWaySession merged = merged(acme, "huddle");
        store.save(merged, 0);
        ThreeWaySession backToTwo = merged.moveTo(new TwoParty(party(merged)));

        assertThat(store.save(backToTwo, merged.version())).isTrue();

        assertThat(store.findByConference(acme, "huddle")).isEmpty();
        assertThat(store.save(merged(acme, "huddle"), 0)).isTrue();
    }

    @Test
    void aModeratorHasOneSession() {
        ThreeWaySession first = started(acme).moveTo(new TwoParty(UUID.randomUUID()));
        store.save(first, 0);
        ThreeWaySession second = new ThreeWaySession(acme, first.moderator(), new TwoParty(UUID.randomUUID()),
                Map.of(), Set.of(), 1);

        assertThat(store.save(second, 0)).isFalse();

        assertThat(store.findByLegInAnyTenant(first.moderator())).contains(first);
        assertThat(store.findByLegInAnyTenant(party(second))).isEmpty();
    }

    @Test
    void aNewSessionWithALegOfAnotherSessionIsRefused() {
        ThreeWaySession existing = consultAnswered(acme);
        store.save(existing, 0);
        ThreeWaySession sharesAParty = twoParty(acme, UUID.randomUUID(), party(existing));
        ThreeWaySession callsItsModerator = twoParty(acme, UUID.randomUUID(), existing.moderator());
        ThreeWaySession moderatedByItsParty = twoParty(acme, party(existing), UUID.randomUUID());

        assertThat(store.save(sharesAParty, 0)).isFalse();
        assertThat(store.save(callsItsModerator, 0)).isFalse();
        assertThat(store.save(moderatedByItsParty, 0)).isFalse();

        assertThat(store.findByLegInAnyTenant(sharesAParty.moderator())).isEmpty();
        assertThat(store.findByLegInAnyTenant(callsItsModerator.moderator())).isEmpty();
        assertThat(store.findByLegInAnyTenant(party(moderatedByItsParty))).isEmpty();
        for (UUID leg : existing.legs()) {
            assertThat(store.findByLegInAnyTenant(leg)).contains(existing);
        }
    }

    @Test
    void theStoredVersionLetsTheNextOneReplaceItUnderEveryLeg() {
        ThreeWaySession two = started(acme).moveTo(new TwoParty(UUID.randomUUID()));
        store.save(two, 0);
        ThreeWaySession consulting = two.moveTo(new Consulting(party(two), UUID.randomUUID()));

        assertThat(store.save(consulting, two.version())).isTrue();

        for (UUID leg : consulting.legs()) {
            assertThat(store.findByLegInAnyTenant(leg)).contains(consulting);
        }
    }

    @Test
    void aLegTheStateNoLongerNamesIsFreeForAnotherSession() {
        ThreeWaySession consulting = consultAnswered(acme);
        store.save(consulting, 0);
        UUID consult = ((ConsultAnswered) consulting.state()).b();
        ThreeWaySession back = consulting.withEnded(consult).moveTo(new TwoParty(party(consulting)));

        assertThat(store.save(back, consulting.version())).isTrue();

        assertThat(store.findByLegInAnyTenant(consult)).isEmpty();
        assertThat(store.findByLegInAnyTenant(consulting.moderator())).contains(back);
        assertThat(store.save(twoParty(acme, UUID.randomUUID(), consult), 0)).isTrue();
    }

    @Test
    void aChangeTakingALegOfAnotherSessionIsRefusedAndChangesNothing() {
        ThreeWaySession ours = twoParty(acme, UUID.randomUUID(), UUID.randomUUID());
        ThreeWaySession theirs = twoParty(acme, UUID.randomUUID(), UUID.randomUUID());
        store.save(ours, 0);
        store.save(theirs, 0);
        ThreeWaySession grabbing = ours.moveTo(new Consulting(party(ours), party(theirs)));

        assertThat(store.save(grabbing, ours.version())).isFalse();

        assertThat(store.findByLegInAnyTenant(ours.moderator())).contains(ours);
        assertThat(store.findByLegInAnyTenant(party(ours))).contains(ours);
        assertThat(store.findByLegInAnyTenant(party(theirs))).contains(theirs);
    }

    @Test
    void aStaleVersionIsRefusedAndChangesNothing() {
        ThreeWaySession v1 = twoParty(acme, UUID.randomUUID(), UUID.randomUUID());
        store.save(v1, 0);
        ThreeWaySession v2 = v1.moveTo(new Consulting(party(v1), UUID.randomUUID()));
        store.save(v2, v1.version());
        ThreeWaySession fromV1 = v1.moveTo(new Consulting(party(v1), UUID.randomUUID()));

        assertThat(store.save(fromV1, v1.version())).isFalse();
        assertThat(store.save(fromV1, v2.version() + 1)).isFalse();

        assertThat(store.findByLegInAnyTenant(v1.moderator())).contains(v2);
        assertThat(store.findByLegInAnyTenant(((Consulting) fromV1.state()).b())).isEmpty();
    }

    @Test
    void aChangeToASessionNobodyStoredIsRefused() {
        ThreeWaySession v1 = twoParty(acme, UUID.randomUUID(), UUID.randomUUID());
        ThreeWaySession v2 = v1.moveTo(new Consulting(party(v1), UUID.randomUUID()));

        assertThat(store.save(v2, v1.version())).isFalse();

        assertThat(store.findByLegInAnyTenant(v1.moderator())).isEmpty();
    }

    @Test
    void removingTheStoredVersionForgetsTheSessionUnderEveryLegAndName() {
        ThreeWaySession merged = merged(acme, "huddle");
        store.save(merged, 0);

        assertThat(store.remove(merged, merged.version())).isTrue();

        for (UUID leg : merged.legs()) {
            assertThat(store.findByLegInAnyTenant(leg)).isEmpty();
        }
        assertThat(store.findByConference(acme, "huddle")).isEmpty();
        assertThat(store.save(merged, 0)).isTrue();
    }

    @Test
    void removingAnotherVersionIsRefusedAndKeepsTheSession() {
        ThreeWaySession merged = merged(acme, "huddle");
        store.save(merged, 0);

        assertThat(store.remove(merged, merged.version() - 1)).isFalse();
        assertThat(store.remove(merged(acme, "other"), 1)).isFalse();

        assertThat(store.findByLegInAnyTenant(merged.moderator())).contains(merged);
        assertThat(store.findByConference(acme, "huddle")).contains(merged);
    }

    @Test
    void anEndedSessionIsRemovedNeverStored() {
        ThreeWaySession two = twoParty(acme, UUID.randomUUID(), UUID.randomUUID());
        store.save(two, 0);
        ThreeWaySession ended = two.moveTo(new Ended());

        assertThatThrownBy(() -> store.save(ended, two.version())).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.save(started(acme).moveTo(new Ended()), 0))
                .isInstanceOf(IllegalArgumentException.class);

        assertThat(store.findByLegInAnyTenant(two.moderator())).contains(two);
    }

    @Test
    void ofChangesFromOneVersionAtOnceExactlyOneLands() throws Exception {
        ThreeWaySession v1 = merged(acme, "huddle");
        store.save(v1, 0);
        List<ThreeWaySession> candidates = contenders(i -> v1.withMember(v1.moderator(), "member-" + i));

        int winner = exactlyOneWins(candidates, candidate -> store.save(candidate, v1.version()));

        assertThat(store.findByLegInAnyTenant(v1.moderator())).contains(candidates.get(winner));
    }

    @Test
    void ofNewSessionsOfOneModeratorAtOnceExactlyOneLands() throws Exception {
        UUID moderator = UUID.randomUUID();
        List<ThreeWaySession> candidates = contenders(i -> twoParty(acme, moderator, UUID.randomUUID()));

        int winner = exactlyOneWins(candidates, candidate -> store.save(candidate, 0));

        assertThat(store.findByLegInAnyTenant(moderator)).contains(candidates.get(winner));
        for (ThreeWaySession candidate : candidates) {
            assertThat(store.findByLegInAnyTenant(party(candidate)).isPresent()).isEqualTo(candidate == candidates.get(winner));
        }
    }

    @Test
    void ofNewSessionsSharingALegAtOnceExactlyOneLands() throws Exception {
        UUID shared = UUID.randomUUID();
        List<ThreeWaySession> candidates = contenders(i -> twoParty(acme, UUID.randomUUID(), shared));

        int winner = exactlyOneWins(candidates, candidate -> store.save(candidate, 0));

        assertThat(store.findByLegInAnyTenant(shared)).contains(candidates.get(winner));
        for (ThreeWaySession candidate : candidates) {
            assertThat(store.findByLegInAnyTenant(candidate.moderator()).isPresent())
                    .isEqualTo(candidate == candidates.get(winner));
        }
    }

    /** Runs every write at the same moment, one thread each; the index of the only one that landed. */
    private static int exactlyOneWins(List<ThreeWaySession> candidates, Write write) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(candidates.size());
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<Boolean>> writes = new ArrayList<>();
            for (ThreeWaySession candidate : candidates) {
                Callable<Boolean> attempt = () -> {
                    go.await();
                    return write.apply(candidate);
                };
                writes.add(pool.submit(attempt));
            }
            go.countDown();
            List<Integer> winners = new ArrayList<>();
            for (int i = 0; i < writes.size(); i++) {
                if (writes.get(i).get()) {
                    winners.add(i);
                }
            }
            assertThat(winners).hasSize(1);
            return winners.getFirst();
        } finally {
            pool.shutdownNow();
        }
    }

    @FunctionalInterface
    private interface Write {
        boolean apply(ThreeWaySession candidate);
    }

    private static List<ThreeWaySession> contenders(IntFunction<ThreeWaySession> candidate) {
        List<ThreeWaySession> all = new ArrayList<>();
        for (int i = 0; i < CONTENDERS; i++) {
            all.add(candidate.apply(i));
        }
        return all;
    }

    private static ThreeWayState state(StateName name, UUID first, UUID second, String conference) {
        return switch (name) {
            case TWO_PARTY -> new TwoParty(first);
            case CONSULTING -> new Consulting(first, second);
            case CONSULT_ANSWERED -> new ConsultAnswered(first, second);
            case MERGED -> new Merged(first, second, conference);
            case PRIVATE -> new Private(first, second, conference);
            case ENDED -> new Ended();
        };
    }

    private static ThreeWaySession started(TenantId tenant) {
        return ThreeWaySession.start(tenant, UUID.randomUUID(), UUID.randomUUID());
    }

    private static ThreeWaySession twoParty(TenantId tenant, UUID moderator, UUID party) {
        return ThreeWaySession.start(tenant, moderator, party).moveTo(new TwoParty(party));
    }

    private static ThreeWaySession consultAnswered(TenantId tenant) {
        ThreeWaySession started = started(tenant);
        return started.moveTo(new ConsultAnswered(party(started), UUID.randomUUID()));
    }

    /** A merged session whose moderator and first party already joined the conference. */
    private static ThreeWaySession merged(TenantId tenant, String conference) {
        ThreeWaySession answered = consultAnswered(tenant);
        return answered.moveTo(mergedFrom(answered, conference))
                .withMember(answered.moderator(), "1")
                .withMember(party(answered), "2");
    }

    private static Merged mergedFrom(ThreeWaySession answered, String conference) {
        ConsultAnswered s = (ConsultAnswered) answered.state();
        return new Merged(s.a(), s.b(), conference);
    }

    /** The party the moderator talked to first: the first leg after the moderator's own. */
    private static UUID party(ThreeWaySession session) {
        return session.legs().stream().skip(1).findFirst().orElseThrow();
    }

    private TenantId newTenant(String name) {
        Tenant tenant = tenant(name);
        tenants.insert(tenant);
        return tenant.id();
    }
}
