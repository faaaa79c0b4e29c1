package com.cloudpbx.core.calls;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.port.CallHistory;
import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.port.TenantRepository;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link CallHistory} does; each adapter's test extends this. */
public abstract class CallHistoryContract {

    private static final PageRequest FIRST_PAGE = new PageRequest(1, 50);

    private CallHistory history;
    private TenantRepository tenants;
    private TenantId acme;
    private TenantId globex;

    /** A history with no records in it; called before every test. */
    protected abstract CallHistory newHistory();

    /** Tenants of the same store: every call record belongs to one. */
    protected abstract TenantRepository tenants();

    @BeforeEach
    void startEmpty() {
        history = newHistory();
        tenants = tenants();
        acme = newTenant("Acme");
        globex = newTenant("Globex");
    }

    @Test
    void aRecordedCallIsFoundByIdWithEveryField() {
        var full = new CallRecord(UUID.randomUUID(), acme, UUID.randomUUID(), CallDirection.INBOUND, "+15551230001",
                "Alice Example", "+15559870000", "1001", CallStatus.COMPLETED, 95, 80, "+15554440000", true,
                "NORMAL_CLEARING", T0, T0.plusSeconds(15), T0.plusSeconds(95));

        assertThat(history.record(full)).isTrue();

        assertThat(history.findById(full.tenant(), full.id())).contains(full);
    }

    @Test
    void optionalFieldsComeBackEmpty() {
        var bare = new CallRecord(UUID.randomUUID(), acme, UUID.randomUUID(), CallDirection.OUTBOUND, null, null,
                null, null, CallStatus.FAILED, 0, 0, null, false, null, T0, null, T0);

        history.record(bare);

        assertThat(history.findById(bare.tenant(), bare.id())).contains(bare);
    }

    @Test
    void anotherTenantsRecordIsNotFoundById() {
        CallRecord acmes = call(acme, T0, c -> c);
        history.record(acmes);

        assertThat(history.findById(globex, acmes.id())).isEmpty();
        assertThat(history.findById(acme, acmes.id())).contains(acmes);
    }

    @Test
    void aSuperadminLookupInAnyTenantFindsEveryTenantsRecord() {
        CallRecord acmes = call(acme, T0, c -> c);
        history.record(acmes);

        assertThat(history.findByIdInAnyTenant(acmes.id())).contains(acmes);
        assertThat(history.findInScope(Optional.empty(), acmes.id())).contains(acmes);
    }

    @Test
    void anUnknownIdIsNotFound() {
        assertThat(history.findById(acme, UUID.randomUUID())).isEmpty();
    }

    @Test
    void submittedRecordsAreStoredInTheOrderHandedOver() {
        CallRecord first = call(acme, T0, c -> c);
        CallRecord repeat = new CallRecord(UUID.randomUUID(), acme, first.callUuid(), CallDirection.OUTBOUND,
                "+15550000000", null, "+15551111111", null, CallStatus.FAILED, 1, 0, null, false, "CALL_REJECTED",
                T0.plusSeconds(5), null, T0.plusSeconds(6));
        CallRecord last = call(globex, T0.plusSeconds(1), c -> c);

        history.submit(first);
        history.submit(repeat);
        history.submit(last);

        eventually(() -> history.findById(last.tenant(), last.id()).isPresent());
        // The repeat came after the first record of its call, so it is the one ignored.
        assertThat(history.findById(first.tenant(), first.id())).contains(first);
        assertThat(history.findById(repeat.tenant(), repeat.id())).isEmpty();
    }

    @Test
    void aSecondRecordOfTheSameCallIsIgnored() {
        CallRecord first = call(acme, T0, c -> c);
        CallRecord repeat = new CallRecord(UUID.randomUUID(), acme, first.callUuid(), CallDirection.OUTBOUND,
                "+15550000000", null, "+15551111111", null, CallStatus.FAILED, 1, 0, null, false, "CALL_REJECTED",
                T0.plusSeconds(5), null, T0.plusSeconds(6));

        assertThat(history.record(first)).isTrue();
        assertThat(history.record(repeat)).isFalse();

        assertThat(history.findById(repeat.tenant(), repeat.id())).isEmpty();
        assertThat(history.find(everything(), FIRST_PAGE).items()).containsExactly(first);
    }

    @Test
    void callsComeNewestFirst() {
        CallRecord oldest = record(call(acme, T0, c -> c));
        CallRecord newest = record(call(acme, T0.plusSeconds(2), c -> c));
        CallRecord middle = record(call(acme, T0.plusSeconds(1), c -> c));

        assertThat(history.find(everything(), FIRST_PAGE).items()).containsExactly(newest, middle, oldest);
    }

    @Test
    void callsStartedAtTheSameTimeKeepOneOrderSoPagesNeitherOverlapNorSkip() {
        List<CallRecord> tied = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            tied.add(record(call(acme, T0, c -> c)));
        }
        List<CallRecord> onePerPage = new ArrayList<>();

        for (int page = 1; page <= tied.size(); page++) {
            onePerPage.addAll(history.find(everything(), new PageRequest(page, 1)).items());
        }

        assertThat(onePerPage).containsExactlyInAnyOrderElementsOf(tied);
        assertThat(history.find(everything(), FIRST_PAGE).items()).containsExactlyElementsOf(onePerPage);
    }

    @Test
    void pagesSliceTheFilteredListAndCountAllOfIt() {
        CallRecord[] calls = new CallRecord[5];
        for (int i = 0; i < calls.length; i++) {
            calls[i] = record(call(acme, T0.plusSeconds(i), c -> c));
        }
        record(call(globex, T0.plusSeconds(99), c -> c));
        CallQuery ours = CallQuery.forTenant(Optional.of(acme));

        Page<CallRecord> second = history.find(ours, new PageRequest(2, 2));
        Page<CallRecord> last = history.find(ours, new PageRequest(3, 2));
        Page<CallRecord> beyond = history.find(ours, new PageRequest(4, 2));

        assertThat(second.items()).containsExactly(calls[2], calls[1]);
        assertThat(second.total()).isEqualTo(5);
        assertThat(last.items()).containsExactly(calls[0]);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
    }

    @Test
    void aTenantSeesOnlyItsOwnCallsAndNoTenantMeansEveryTenant() {
        CallRecord ours = record(call(acme, T0, c -> c));
        CallRecord theirs = record(call(globex, T0.plusSeconds(1), c -> c));

        assertThat(history.find(CallQuery.forTenant(Optional.of(acme)), FIRST_PAGE).items()).containsExactly(ours);
        assertThat(history.find(CallQuery.forTenant(Optional.of(globex)), FIRST_PAGE).items())
                .containsExactly(theirs);
        assertThat(history.find(everything(), FIRST_PAGE).items()).containsExactly(theirs, ours);
        assertThat(history.find(CallQuery.forTenant(Optional.of(newTenant("Initech"))), FIRST_PAGE).total())
                .isZero();
    }

    @Test
    void directionAndStatusFiltersMatchExactly() {
        CallRecord inboundMissed = record(call(acme, T0, c -> c.direction(CallDirection.INBOUND)
                .status(CallStatus.MISSED)));
        CallRecord inboundCompleted = record(call(acme, T0.plusSeconds(1), c -> c.direction(CallDirection.INBOUND)
                .status(CallStatus.COMPLETED)));
        CallRecord outboundMissed = record(call(acme, T0.plusSeconds(2), c -> c.direction(CallDirection.OUTBOUND)
                .status(CallStatus.MISSED)));

        assertThat(find(q -> q.direction(CallDirection.INBOUND))).containsExactly(inboundCompleted, inboundMissed);
        assertThat(find(q -> q.status(CallStatus.MISSED))).containsExactly(outboundMissed, inboundMissed);
        assertThat(find(q -> q.direction(CallDirection.INBOUND).status(CallStatus.MISSED)))
                .containsExactly(inboundMissed);
        assertThat(find(q -> q.direction(CallDirection.INTERNAL))).isEmpty();
    }

    @Test
    void fromIsInclusiveAndToIsExclusiveOnTheStartTime() {
        CallRecord before = record(call(acme, T0.minusSeconds(1), c -> c));
        CallRecord atFrom = record(call(acme, T0, c -> c));
        CallRecord inside = record(call(acme, T0.plusSeconds(30), c -> c));
        CallRecord atTo = record(call(acme, T0.plusSeconds(60), c -> c));

        assertThat(find(q -> q.from(T0).toExclusive(T0.plusSeconds(60)))).containsExactly(inside, atFrom);
        assertThat(find(q -> q.from(T0.plusSeconds(60)))).containsExactly(atTo);
        assertThat(find(q -> q.toExclusive(T0))).containsExactly(before);
    }

    @Test
    void anExclusiveEndOneNanosecondPastACallStillIncludesIt() {
        CallRecord at = record(call(acme, T0, c -> c));

        assertThat(find(q -> q.from(T0).toExclusive(T0.plusNanos(1)))).containsExactly(at);
        assertThat(find(q -> q.from(T0.plusNanos(1)))).isEmpty();
    }

    @Test
    void anExtensionMatchesTheCallsExtensionItsCallerOrItsDestinationExactly() {
        CallRecord ringing1001 = record(call(acme, T0, c -> c.extension("1001").from("+15550000001", null)
                .to("+15559990000")));
        CallRecord from1001 = record(call(acme, T0.plusSeconds(1), c -> c.extension(null).from("1001", "Desk")
                .to("1002")));
        CallRecord to1001 = record(call(acme, T0.plusSeconds(2), c -> c.extension(null).from("1003", "Lab")
                .to("1001")));
        record(call(acme, T0.plusSeconds(3), c -> c.extension("10011").from("+10010000000", null).to("2001")));

        assertThat(find(q -> q.extension("1001"))).containsExactly(to1001, from1001, ringing1001);
        assertThat(find(q -> q.extension("100"))).isEmpty();
    }

    @Test
    void aNumberMatchesPartOfTheCallerNumberCallerNameOrDestinationIgnoringCase() {
        CallRecord byCallerNumber = record(call(acme, T0, c -> c.from("+15551234567", "Alice").to("1001")));
        CallRecord byCallerName = record(call(acme, T0.plusSeconds(1), c -> c.from("+4420000000", "Bob Smith")
                .to("1002")));
        CallRecord byDestination = record(call(acme, T0.plusSeconds(2), c -> c.from("1003", "Carol")
                .to("+33123456789")));
        record(call(acme, T0.plusSeconds(3), c -> c.from("+15550000000", "Dave").to("1004")));

        assertThat(find(q -> q.number("2345"))).containsExactly(byDestination, byCallerNumber);
        assertThat(find(q -> q.number("SMITH"))).containsExactly(byCallerName);
        assertThat(find(q -> q.number("ali"))).containsExactly(byCallerNumber);
        assertThat(find(q -> q.number("nobody"))).isEmpty();
    }

    @Test
    void aNumberNeverMatchesAcrossTwoFields() {
        record(call(acme, T0, c -> c.from("+15551234567", "Alice").to("1001")));

        assertThat(find(q -> q.number("4567 Alice"))).isEmpty();
        assertThat(find(q -> q.number("Alice 1001"))).isEmpty();
    }

    @Test
    void wildcardsInANumberAreTakenLiterally() {
        CallRecord percent = record(call(acme, T0, c -> c.from("+1555", "100% Sales")));
        CallRecord underscore = record(call(acme, T0.plusSeconds(1), c -> c.from("+1556", "team_a")));
        CallRecord backslash = record(call(acme, T0.plusSeconds(2), c -> c.from("+1557", "dept\\x")));
        record(call(acme, T0.plusSeconds(3), c -> c.from("+1558", "1000 Sales teamXa")));

        assertThat(find(q -> q.number("0% S"))).containsExactly(percent);
        assertThat(find(q -> q.number("m_a"))).containsExactly(underscore);
        assertThat(find(q -> q.number("%"))).containsExactly(percent);
        assertThat(find(q -> q.number("t\\x"))).containsExactly(backslash);
    }

    @Test
    void forwardedKeepsOnlyForwardedOrOnlyNotForwardedCalls() {
        CallRecord forwarded = record(call(acme, T0, c -> c.forwardedTo("+15557770000")));
        CallRecord direct = record(call(acme, T0.plusSeconds(1), c -> c.forwardedTo(null)));

        assertThat(find(q -> q.forwarded(true))).containsExactly(forwarded);
        assertThat(find(q -> q.forwarded(false))).containsExactly(direct);
    }

    @Test
    void forwardedToMatchesPartOfTheTargetIgnoringCase() {
        CallRecord toMobile = record(call(acme, T0, c -> c.forwardedTo("+15557770000")));
        CallRecord toVoicemail = record(call(acme, T0.plusSeconds(1), c -> c.forwardedTo("VoiceMail-1001")));
        record(call(acme, T0.plusSeconds(2), c -> c.forwardedTo(null)));

        assertThat(find(q -> q.forwardedTo("777"))).containsExactly(toMobile);
        assertThat(find(q -> q.forwardedTo("voicemail"))).containsExactly(toVoicemail);
        assertThat(find(q -> q.forwardedTo("_"))).isEmpty();
    }

    @Test
    void everyFilterMustMatch() {
        CallRecord wanted = record(call(acme, T0, c -> c.direction(CallDirection.INBOUND)
                .status(CallStatus.COMPLETED).extension("1001").from("+15551234567", "Alice")
                .forwardedTo("+15557770000")));
        record(call(acme, T0.plusSeconds(1), c -> c.direction(CallDirection.OUTBOUND)
                .status(CallStatus.COMPLETED).extension("1001").from("+15551234567", "Alice")
                .forwardedTo("+15557770000")));
        record(call(globex, T0.plusSeconds(2), c -> c.direction(CallDirection.INBOUND)
                .status(CallStatus.COMPLETED).extension("1001").from("+15551234567", "Alice")
                .forwardedTo("+15557770000")));

        assertThat(find(q -> q.tenant(acme).direction(CallDirection.INBOUND).status(CallStatus.COMPLETED)
                .from(T0).toExclusive(T0.plusSeconds(10)).extension("1001").number("alice").forwarded(true)
                .forwardedTo("777"))).containsExactly(wanted);
    }

    @Test
    void statsCountATenantsCallsByDirectionFromTheGivenTime() {
        record(call(acme, T0.minusSeconds(1), c -> c.direction(CallDirection.INBOUND)));
        record(call(acme, T0, c -> c.direction(CallDirection.INBOUND)));
        record(call(acme, T0.plusSeconds(1), c -> c.direction(CallDirection.INBOUND)));
        record(call(acme, T0.plusSeconds(2), c -> c.direction(CallDirection.OUTBOUND)));
        record(call(acme, T0.plusSeconds(3), c -> c.direction(CallDirection.INTERNAL)));
        record(call(globex, T0.plusSeconds(4), c -> c.direction(CallDirection.OUTBOUND)));

        assertThat(history.stats(since(Optional.of(acme), T0))).isEqualTo(new CallStats(4, 2, 1, 1));
        assertThat(history.stats(since(Optional.empty(), T0))).isEqualTo(new CallStats(5, 2, 2, 1));
        assertThat(history.stats(since(Optional.of(globex), T0.plusSeconds(5)))).isEqualTo(new CallStats(0, 0, 0, 0));
    }

    @Test
    void streamDeliversEveryMatchNewestFirst() {
        List<CallRecord> inbound = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            inbound.addFirst(record(call(acme, T0.plusSeconds(i), c -> c.direction(CallDirection.INBOUND))));
            record(call(acme, T0.plusSeconds(i), c -> c.direction(CallDirection.OUTBOUND)));
        }
        List<CallRecord> streamed = new ArrayList<>();

        history.stream(query(q -> q.direction(CallDirection.INBOUND)), Optional.empty(), streamed::add);

        assertThat(streamed).containsExactlyElementsOf(inbound);
    }

    @Test
    void streamStopsAtTheLimit() {
        List<CallRecord> calls = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            calls.addFirst(record(call(acme, T0.plusSeconds(i), c -> c)));
        }
        List<CallRecord> streamed = new ArrayList<>();

        history.stream(everything(), Optional.of(3), streamed::add);

        assertThat(streamed).containsExactlyElementsOf(calls.subList(0, 3));
    }

    @Test
    void streamOfNoMatchesDeliversNothing() {
        record(call(acme, T0, c -> c));
        List<CallRecord> streamed = new ArrayList<>();

        history.stream(CallQuery.forTenant(Optional.of(globex)), Optional.empty(), streamed::add);

        assertThat(streamed).isEmpty();
    }

    private CallRecord record(CallRecord call) {
        assertThat(history.record(call)).isTrue();
        return call;
    }

    private List<CallRecord> find(UnaryOperator<Filters> filters) {
        return history.find(query(filters), FIRST_PAGE).items();
    }

    private static CallQuery everything() {
        return CallQuery.forTenant(Optional.empty());
    }

    private static CallQuery query(UnaryOperator<Filters> filters) {
        return filters.apply(new Filters()).query();
    }

    private TenantId newTenant(String name) {
        Tenant tenant = tenant(name);
        tenants.insert(tenant);
        return tenant.id();
    }

    /** A completed inbound call of a minute, shaped by {@code shape}. */
    private static CallRecord call(TenantId tenant, Instant startedAt, UnaryOperator<Call> shape) {
        return shape.apply(new Call(tenant, startedAt)).build();
    }

    /** Builds a call record; each method sets one aspect, the rest keeps plausible defaults. */
    private static final class Call {
        private final TenantId tenant;
        private final Instant startedAt;
        private CallDirection direction = CallDirection.INBOUND;
        private CallStatus status = CallStatus.COMPLETED;
        private String callerIdNumber = "+15550001111";
        private String callerIdName = "Caller";
        private String destination = "1000";
        private String extension = "1000";
        private String forwardedTo;

        Call(TenantId tenant, Instant startedAt) {
            this.tenant = tenant;
            this.startedAt = startedAt;
        }

        Call direction(CallDirection value) {
            direction = value;
            return this;
        }

        Call status(CallStatus value) {
            status = value;
            return this;
        }

        Call from(String number, String name) {
            callerIdNumber = number;
            callerIdName = name;
            return this;
        }

        Call to(String value) {
            destination = value;
            return this;
        }

        Call extension(String value) {
            extension = value;
            return this;
        }

        Call forwardedTo(String value) {
            forwardedTo = value;
            return this;
        }

        CallRecord build() {
            return new CallRecord(UUID.randomUUID(), tenant, UUID.randomUUID(), direction, callerIdNumber,
                    callerIdName, destination, extension, status, 60, 55, forwardedTo, false, "NORMAL_CLEARING",
                    startedAt, startedAt.plusSeconds(5), startedAt.plusSeconds(60));
        }
    }

    /** Builds a query; filters not set stay empty. */
    private static final class Filters {
        private Optional<TenantId> tenant = Optional.empty();
        private Optional<CallDirection> direction = Optional.empty();
        private Optional<CallStatus> status = Optional.empty();
        private Optional<Instant> from = Optional.empty();
        private Optional<Instant> toExclusive = Optional.empty();
        private Optional<String> extension = Optional.empty();
        private Optional<String> number = Optional.empty();
        private Optional<Boolean> forwarded = Optional.empty();
        private Optional<String> forwardedTo = Optional.empty();

        Filters tenant(TenantId value) {
            tenant = Optional.of(value);
            return this;
        }

        Filters direction(CallDirection value) {
            direction = Optional.of(value);
            return this;
        }

        Filters status(CallStatus value) {
            status = Optional.of(value);
            return this;
        }

        Filters from(Instant value) {
            from = Optional.of(value);
            return this;
        }

        Filters toExclusive(Instant value) {
            toExclusive = Optional.of(value);
            return this;
        }

        Filters extension(String value) {
            extension = Optional.of(value);
            return this;
        }

        Filters number(String value) {
            number = Optional.of(value);
            return this;
        }

        Filters forwarded(boolean value) {
            forwarded = Optional.of(value);
            return this;
        }

        Filters forwardedTo(String value) {
            forwardedTo = Optional.of(value);
            return this;
        }

        CallQuery query() {
            return new CallQuery(tenant, direction, status, from, toExclusive, extension, number, forwarded,
                    forwardedTo);
        }
    }

    private static CallQuery since(Optional<com.cloudpbx.core.shared.TenantId> tenant, java.time.Instant from) {
        CallQuery all = CallQuery.forTenant(tenant);
        return new CallQuery(all.tenant(), all.direction(), all.status(), Optional.of(from), all.toExclusive(),
                all.extension(), all.number(), all.forwarded(), all.forwardedTo());
    }

    /** Submitted records may be stored a little later. */
    private static void eventually(BooleanSupplier condition) {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not stored within 5 s");
            }
            try {
                Thread.sleep(5);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }
}
