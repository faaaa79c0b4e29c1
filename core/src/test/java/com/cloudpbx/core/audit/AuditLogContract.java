package com.cloudpbx.core.audit;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.audit.port.AuditLog;
import com.cloudpbx.core.shared.Page;
import com.cloudpbx.core.shared.PageRequest;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link AuditLog} does; each adapter's test extends this. */
public abstract class AuditLogContract {

    private static final AuditQuery EVERYTHING = new AuditQuery(Optional.empty(), Optional.empty(), Optional.empty(),
            Optional.empty(), Optional.empty());
    private static final PageRequest FIRST_PAGE = new PageRequest(1, 50);

    private final TenantId acme = TenantId.of(UUID.randomUUID());
    private final TenantId globex = TenantId.of(UUID.randomUUID());
    private AuditLog log;

    /** An audit log with no entries in it; called before every test. */
    protected abstract AuditLog newAuditLog();

    @BeforeEach
    void startEmpty() {
        log = newAuditLog();
    }

    @Test
    void anAppendedEntryIsFoundWithEveryField() {
        var entry = new AuditEntry(UUID.randomUUID(), T0, UUID.randomUUID(), PrincipalKind.API_KEY, acme, "create",
                "extension", UUID.randomUUID().toString(), "203.0.113.7");

        log.append(entry);

        Page<AuditEntry> page = log.find(EVERYTHING, FIRST_PAGE);
        assertThat(page.items()).containsExactly(entry);
        assertThat(page.total()).isEqualTo(1);
    }

    @Test
    void optionalFieldsComeBackEmpty() {
        var entry = new AuditEntry(UUID.randomUUID(), T0, null, PrincipalKind.SUPERADMIN, null, "login", "account",
                null, null);

        log.append(entry);

        assertThat(log.find(EVERYTHING, FIRST_PAGE).items()).containsExactly(entry);
    }

    @Test
    void entriesComeNewestFirst() {
        AuditEntry first = entry(acme, "create", "extension", T0);
        AuditEntry third = entry(acme, "delete", "extension", T0.plusSeconds(2));
        AuditEntry second = entry(acme, "update", "extension", T0.plusSeconds(1));
        log.append(first);
        log.append(third);
        log.append(second);

        assertThat(log.find(EVERYTHING, FIRST_PAGE).items()).containsExactly(third, second, first);
    }

    @Test
    void aTenantFilterKeepsThatTenantsEntriesOnly() {
        AuditEntry ours = entry(acme, "create", "extension", T0);
        AuditEntry theirs = entry(globex, "create", "extension", T0.plusSeconds(1));
        AuditEntry platform = entry(null, "login", "account", T0.plusSeconds(2));
        log.append(ours);
        log.append(theirs);
        log.append(platform);

        assertThat(log.find(query(Optional.of(acme), null, null, null, null), FIRST_PAGE).items())
                .containsExactly(ours);
        assertThat(log.find(EVERYTHING, FIRST_PAGE).items()).containsExactly(platform, theirs, ours);
    }

    @Test
    void resourceAndActionFiltersMatchExactly() {
        AuditEntry createExtension = entry(acme, "create", "extension", T0);
        AuditEntry deleteExtension = entry(acme, "delete", "extension", T0.plusSeconds(1));
        AuditEntry createKey = entry(acme, "create", "api_key", T0.plusSeconds(2));
        log.append(createExtension);
        log.append(deleteExtension);
        log.append(createKey);

        assertThat(log.find(query(Optional.empty(), "extension", null, null, null), FIRST_PAGE).items())
                .containsExactly(deleteExtension, createExtension);
        assertThat(log.find(query(Optional.empty(), null, "create", null, null), FIRST_PAGE).items())
                .containsExactly(createKey, createExtension);
        assertThat(log.find(query(Optional.of(acme), "extension", "create", null, null), FIRST_PAGE).items())
                .containsExactly(createExtension);
        assertThat(log.find(query(Optional.empty(), "ext", null, null, null), FIRST_PAGE).items()).isEmpty();
    }

    @Test
    void fromIsInclusiveAndToIsExclusive() {
        AuditEntry before = entry(acme, "a", "r", T0.minusSeconds(1));
        AuditEntry atFrom = entry(acme, "b", "r", T0);
        AuditEntry inside = entry(acme, "c", "r", T0.plusSeconds(30));
        AuditEntry atTo = entry(acme, "d", "r", T0.plusSeconds(60));
        for (AuditEntry e : new AuditEntry[] {before, atFrom, inside, atTo}) {
            log.append(e);
        }

        var window = query(Optional.empty(), null, null, T0, T0.plusSeconds(60));

        assertThat(log.find(window, FIRST_PAGE).items()).containsExactly(inside, atFrom);
    }

    @Test
    void anExclusiveEndOneNanosecondPastAnEntryStillIncludesIt() {
        // ReadAuditLog makes an inclusive instant exclusive by adding a nanosecond.
        AuditEntry at = entry(acme, "update", "extension", T0);
        log.append(at);

        var upToIncluding = query(Optional.empty(), null, null, T0, T0.plusNanos(1));

        assertThat(log.find(upToIncluding, FIRST_PAGE).items()).containsExactly(at);
        assertThat(log.find(query(Optional.empty(), null, null, T0.plusNanos(1), null), FIRST_PAGE).items()).isEmpty();
    }

    @Test
    void pagesSliceTheFilteredListAndCountAllOfIt() {
        AuditEntry[] entries = new AuditEntry[5];
        for (int i = 0; i < entries.length; i++) {
            entries[i] = entry(acme, "update", "extension", T0.plusSeconds(i));
            log.append(entries[i]);
        }
        log.append(entry(globex, "update", "extension", T0.plusSeconds(99)));
        var ours = query(Optional.of(acme), null, null, null, null);

        Page<AuditEntry> second = log.find(ours, new PageRequest(2, 2));
        Page<AuditEntry> last = log.find(ours, new PageRequest(3, 2));
        Page<AuditEntry> beyond = log.find(ours, new PageRequest(4, 2));

        assertThat(second.items()).containsExactly(entries[2], entries[1]);
        assertThat(second.total()).isEqualTo(5);
        assertThat(last.items()).containsExactly(entries[0]);
        assertThat(beyond.items()).isEmpty();
        assertThat(beyond.total()).isEqualTo(5);
    }

    @Test
    void anEmptyLogHasNoEntries() {
        Page<AuditEntry> page = log.find(EVERYTHING, FIRST_PAGE);

        assertThat(page.items()).isEmpty();
        assertThat(page.total()).isZero();
    }

    private static AuditEntry entry(TenantId tenant, String action, String resource, Instant at) {
        return new AuditEntry(UUID.randomUUID(), at, UUID.randomUUID(), PrincipalKind.ADMIN, tenant, action, resource,
                UUID.randomUUID().toString(), "198.51.100.1");
    }

    private static AuditQuery query(Optional<TenantId> tenant, String resource, String action, Instant from,
                                    Instant toExclusive) {
        return new AuditQuery(tenant, Optional.ofNullable(resource), Optional.ofNullable(action),
                Optional.ofNullable(from), Optional.ofNullable(toExclusive));
    }
}
