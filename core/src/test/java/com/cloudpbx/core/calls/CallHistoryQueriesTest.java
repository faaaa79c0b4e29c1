package com.cloudpbx.core.calls;

import static com.cloudpbx.core.calls.CallFixtures.admin;
import static com.cloudpbx.core.calls.CallFixtures.assertInvalid;
import static com.cloudpbx.core.calls.CallFixtures.assertRefused;
import static com.cloudpbx.core.calls.CallFixtures.superadmin;
import static com.cloudpbx.core.calls.CallFixtures.user;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.CallHistoryQueries.Filter;
import com.cloudpbx.core.calls.port.CallHistory;
import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.testing.ListExtensions;
import com.cloudpbx.core.testing.ListTenants;
import com.cloudpbx.core.testing.StoreSamples;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CallHistoryQueriesTest {

    private static final Instant NOW = Instant.parse("2026-06-10T14:30:00Z");
    private static final PageRequest PAGE = PageRequest.of(1, 50);

    private final Tenant acme = StoreSamples.tenant("Acme");
    private final Tenant globex = StoreSamples.tenant("Globex");
    private final Extension alice = StoreSamples.extension(acme.id(), "1001");
    private final Extension bob = StoreSamples.extension(acme.id(), "1002");

    private final RecordingCallHistory history = new RecordingCallHistory();
    private final CallHistoryQueries queries = new CallHistoryQueries(history, new ListTenants(List.of(acme, globex)),
            new ListExtensions(List.of(alice, bob)), Clock.fixed(NOW, ZoneOffset.UTC));

    @Test
    void aDirectionIsReadIgnoringCase() {
        assertThat(queried(admin(acme), direction("Inbound")).direction()).contains(CallDirection.INBOUND);
    }

    @Test
    void directionAllFiltersNoDirection() {
        assertThat(queried(admin(acme), direction("all")).direction()).isEmpty();
    }

    @Test
    void anUnknownDirectionIsAValidationFailureNamingDirection() {
        assertInvalid(() -> queries.list(admin(acme), direction("sideways"), PAGE), "direction");
        assertThat(history.queries).isEmpty();
    }

    @Test
    void aStatusIsReadIgnoringCase() {
        assertThat(queried(admin(acme), status("Missed")).status()).contains(CallStatus.MISSED);
    }

    @Test
    void anUnknownStatusIsAValidationFailureNamingStatus() {
        assertInvalid(() -> queries.list(admin(acme), status("lost"), PAGE), "status");
    }

    @Test
    void forwardedTrueOrFalseKeepsOnlyForwardedOrOnlyNotForwardedCalls() {
        assertThat(queried(admin(acme), forwarded("true")).forwarded()).contains(true);
        assertThat(queried(admin(acme), forwarded("false")).forwarded()).contains(false);
    }

    @Test
    void anUnknownForwardedValueIsAValidationFailureNamingForwarded() {
        assertInvalid(() -> queries.list(admin(acme), forwarded("yes"), PAGE), "forwarded");
    }

    @Test
    void blankFiltersFilterNothing() {
        CallQuery query = queried(admin(acme), new Filter(" ", "", " ", "", " ", "", " ", ""));

        assertThat(query).isEqualTo(CallQuery.forTenant(Optional.of(acme.id())));
    }

    @Test
    void dateFromAsADateStartsAtTheBeginningOfThatUtcDay() {
        assertThat(queried(admin(acme), dates("2026-06-01", null)).from())
                .contains(Instant.parse("2026-06-01T00:00:00Z"));
    }

    @Test
    void dateToAsADateIncludesThatWholeDayAndExcludesTheNext() {
        assertThat(queried(admin(acme), dates(null, "2026-06-01")).toExclusive())
                .contains(Instant.parse("2026-06-02T00:00:00Z"));
    }

    @Test
    void dateToAsAnInstantIncludesTheWholeSecondWritten() {
        assertThat(queried(admin(acme), dates(null, "2026-06-01T14:03:22Z")).toExclusive())
                .contains(Instant.parse("2026-06-01T14:03:23Z"));
    }

    @Test
    void aMalformedDateIsAValidationFailureNamingItsField() {
        assertInvalid(() -> queries.list(admin(acme), dates(null, "01/06/2026"), PAGE), "dateTo");
        assertInvalid(() -> queries.list(admin(acme), dates("yesterday", null), PAGE), "dateFrom");
    }

    @Test
    void anAdminQueryIsConfinedToItsTenant() {
        assertThat(queried(admin(acme), none()).tenant()).contains(acme.id());
    }

    @Test
    void aUsersQueryIsConfinedToItsOwnExtension() {
        assertThat(queried(user(acme, alice), none()).extension()).contains("1001");
    }

    @Test
    void aUserMayNameItsOwnExtension() {
        assertThat(queried(user(acme, alice), extension("1001")).extension()).contains("1001");
    }

    @Test
    void aUserNamingAnotherExtensionIsForbidden() {
        assertRefused(() -> queries.list(user(acme, alice), extension("1002"), PAGE), ErrorKind.FORBIDDEN);
        assertThat(history.queries).isEmpty();
    }

    @Test
    void aSuperadminListingSpansTenantsAndNamesTheTenantOfEachRow() {
        CallRecord acmes = history.add(record(acme, "1001"));
        CallRecord globexs = history.add(record(globex, "1001"));

        Page<HistoricCall> page = queries.list(superadmin(), none(), PAGE);

        assertThat(history.queries).singleElement().satisfies(q -> assertThat(q.tenant()).isEmpty());
        assertThat(page.items()).containsExactly(new HistoricCall(acmes, acme), new HistoricCall(globexs, globex));
    }

    @Test
    void aTenantListingNamesNoTenantOnItsRows() {
        CallRecord acmes = history.add(record(acme, "1001"));

        assertThat(queries.list(admin(acme), none(), PAGE).items()).containsExactly(new HistoricCall(acmes, null));
    }

    @Test
    void getReturnsACallOfTheTenant() {
        CallRecord acmes = history.add(record(acme, "1001"));

        assertThat(queries.get(admin(acme), acmes.id())).isEqualTo(acmes);
    }

    @Test
    void getOfAnotherTenantsCallIsNotFound() {
        CallRecord globexs = history.add(record(globex, "1001"));

        assertRefused(() -> queries.get(admin(acme), globexs.id()), ErrorKind.NOT_FOUND);
    }

    @Test
    void getOfAnUnknownCallIsNotFound() {
        assertRefused(() -> queries.get(admin(acme), UUID.randomUUID()), ErrorKind.NOT_FOUND);
    }

    @Test
    void aUserGetsACallItsExtensionTookPartIn() {
        CallRecord alices = history.add(record(acme, "1001"));

        assertThat(queries.get(user(acme, alice), alices.id())).isEqualTo(alices);
    }

    @Test
    void aUserDoesNotGetACallOfAnotherExtension() {
        CallRecord bobs = history.add(record(acme, "1002"));

        assertRefused(() -> queries.get(user(acme, alice), bobs.id()), ErrorKind.NOT_FOUND);
    }

    @Test
    void statsForTodayCountSinceMidnightUtc() {
        assertThat(queries.stats(admin(acme), "today").period()).isEqualTo("today");
        assertThat(history.statsFrom).isEqualTo(Instant.parse("2026-06-10T00:00:00Z"));
    }

    @ParameterizedTest
    @CsvSource({"7d, 7", "30d, 30", "90d, 90"})
    void statsForANumberOfDaysCountBackFromNow(String period, int days) {
        assertThat(queries.stats(admin(acme), period).period()).isEqualTo(period);
        assertThat(history.statsFrom).isEqualTo(NOW.minusSeconds(days * 86_400L));
    }

    @Test
    void statsWithoutAPeriodCoverTheLast7Days() {
        assertThat(queries.stats(admin(acme), null).period()).isEqualTo("7d");
        assertThat(history.statsFrom).isEqualTo(Instant.parse("2026-06-03T14:30:00Z"));
    }

    @Test
    void statsAreConfinedToTheTenant() {
        queries.stats(admin(acme), "7d");

        assertThat(history.statsTenant).contains(acme.id());
        assertThat(history.statsExtension).isEmpty();
    }

    @Test
    void aUsersStatsCountOnlyItsOwnCalls() {
        queries.stats(user(acme, alice), "7d");

        assertThat(history.statsExtension).contains("1001");
    }

    @Test
    void anUnknownPeriodIsAValidationFailureNamingPeriod() {
        assertInvalid(() -> queries.stats(admin(acme), "1y"), "period");
        assertThat(history.statsFrom).isNull();
    }

    @Test
    void exportStreamsTheMatchingCallsUpToTheLimit() {
        CallRecord acmes = history.add(record(acme, "1001"));
        List<CallRecord> exported = new ArrayList<>();

        queries.export(admin(acme), direction("inbound"), 10, exported::add);

        assertThat(exported).containsExactly(acmes);
        assertThat(history.streamLimit).contains(10);
        assertThat(history.queries).singleElement()
                .satisfies(q -> assertThat(q.direction()).contains(CallDirection.INBOUND));
    }

    @Test
    void exportWithALimitOf0IsAValidationFailureNamingLimit() {
        assertInvalid(() -> queries.export(admin(acme), none(), 0, r -> { }), "limit");
        assertThat(history.queries).isEmpty();
    }

    @Test
    void aUsersExportIsConfinedToItsOwnExtension() {
        queries.export(user(acme, alice), none(), null, r -> { });

        assertThat(history.queries).singleElement().satisfies(q -> assertThat(q.extension()).contains("1001"));
    }

    private CallQuery queried(Actor actor, Filter filter) {
        history.queries.clear();
        queries.list(actor, filter, PAGE);
        return history.queries.get(0);
    }

    private static Filter none() {
        return new Filter(null, null, null, null, null, null, null, null);
    }

    private static Filter direction(String direction) {
        return new Filter(direction, null, null, null, null, null, null, null);
    }

    private static Filter status(String status) {
        return new Filter(null, status, null, null, null, null, null, null);
    }

    private static Filter dates(String from, String to) {
        return new Filter(null, null, from, to, null, null, null, null);
    }

    private static Filter extension(String extension) {
        return new Filter(null, null, null, null, extension, null, null, null);
    }

    private static Filter forwarded(String forwarded) {
        return new Filter(null, null, null, null, null, null, forwarded, null);
    }

    /** A completed inbound call from outside to the extension. */
    private static CallRecord record(Tenant tenant, String extension) {
        Instant start = NOW.minusSeconds(3600);
        return new CallRecord(UUID.randomUUID(), tenant.id(), UUID.randomUUID(), CallDirection.INBOUND,
                "+15550001111", "Caller", extension, extension, CallStatus.COMPLETED, 60, 55, null, false,
                "NORMAL_CLEARING", start, start.plusSeconds(5), start.plusSeconds(60));
    }

    /** Answers every query with all its records, remembering what it was asked. */
    private static final class RecordingCallHistory implements CallHistory {

        final List<CallRecord> records = new ArrayList<>();
        final List<CallQuery> queries = new ArrayList<>();
        Optional<Integer> streamLimit;
        Optional<TenantId> statsTenant;
        Instant statsFrom;
        Optional<String> statsExtension;

        CallRecord add(CallRecord record) {
            records.add(record);
            return record;
        }

        @Override
        public boolean record(CallRecord record) {
            return records.add(record);
        }

        @Override
        public Optional<CallRecord> findById(TenantId tenant, UUID id) {
            return findByIdInAnyTenant(id).filter(r -> r.tenant().equals(tenant));
        }

        @Override
        public Optional<CallRecord> findByIdInAnyTenant(UUID id) {
            return records.stream().filter(r -> r.id().equals(id)).findFirst();
        }

        @Override
        public Page<CallRecord> find(CallQuery query, PageRequest page) {
            queries.add(query);
            return new Page<>(records, page, records.size());
        }

        @Override
        public void stream(CallQuery query, Optional<Integer> limit, Consumer<CallRecord> sink) {
            queries.add(query);
            streamLimit = limit;
            records.forEach(sink);
        }

        @Override
        public CallStats stats(CallQuery query) {
            statsTenant = query.tenant();
            statsFrom = query.from().orElse(null);
            statsExtension = query.extension();
            return new CallStats(0, 0, 0, 0);
        }
    }
}
