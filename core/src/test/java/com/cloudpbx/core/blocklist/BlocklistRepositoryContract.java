package com.cloudpbx.core.blocklist;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.blocklist.port.BlocklistRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link BlocklistRepository} does; each implementation's test extends this. */
public abstract class BlocklistRepositoryContract {

    private BlocklistRepository entries;

    /** A repository over a store with no entries in it; called before every test. */
    protected abstract BlocklistRepository newRepository();

    /** A tenant that exists in the repository's store. */
    protected abstract TenantId newTenant(String companyName);

    @BeforeEach
    void startEmpty() {
        entries = newRepository();
    }

    @Test
    void anInsertedEntryIsFoundByIdWithEveryField() {
        BlockedNumber entry = entry(newTenant("Acme"), BlockPattern.exact(new PhoneNumber("+17865559999")), T0);

        entries.insert(entry);

        assertThat(entries.findById(entry.tenant(), entry.id())).contains(entry);
    }

    @Test
    void prefixAndAnonymousPatternsComeBackAsStored() {
        TenantId acme = newTenant("Acme");
        BlockedNumber prefix = entry(acme, BlockPattern.prefix("+1900"), T0);
        BlockedNumber anonymous = new BlockedNumber(UUID.randomUUID(), acme, BlockPattern.anonymous(), null,
                BlockDirection.INBOUND, T0.plusSeconds(1));

        entries.insert(prefix);
        entries.insert(anonymous);

        assertThat(entries.findById(acme, prefix.id())).contains(prefix);
        assertThat(entries.findById(acme, anonymous.id())).contains(anonymous);
    }

    @Test
    void anotherTenantsEntryIsNotFoundById() {
        TenantId acme = newTenant("Acme");
        TenantId globex = newTenant("Globex");
        BlockedNumber acmes = entry(acme, BlockPattern.anonymous(), T0);
        entries.insert(acmes);

        assertThat(entries.findById(globex, acmes.id())).isEmpty();
        assertThat(entries.findByIdInAnyTenant(acmes.id())).contains(acmes);
    }

    @Test
    void theSamePatternTwiceInATenantIsADuplicate() {
        TenantId acme = newTenant("Acme");
        entries.insert(entry(acme, BlockPattern.prefix("+1900"), T0));

        assertThatThrownBy(() -> entries.insert(entry(acme, BlockPattern.prefix("+1900"), T0)))
                .isInstanceOfSatisfying(DomainException.class, e -> {
                    assertThat(e.code()).isEqualTo("DUPLICATE");
                    assertThat(e.getMessage()).contains("+1900*");
                });
    }

    @Test
    void theSamePatternInTwoTenantsIsNoDuplicate() {
        entries.insert(entry(newTenant("Acme"), BlockPattern.anonymous(), T0));
        TenantId globex = newTenant("Globex");

        entries.insert(entry(globex, BlockPattern.anonymous(), T0));

        assertThat(entries.exists(globex, BlockPattern.anonymous())).isTrue();
    }

    @Test
    void existsTellsWhetherTheTenantHasThePattern() {
        TenantId acme = newTenant("Acme");
        entries.insert(entry(acme, BlockPattern.exact(new PhoneNumber("+17865559999")), T0));

        assertThat(entries.exists(acme, BlockPattern.exact(new PhoneNumber("+17865559999")))).isTrue();
        assertThat(entries.exists(acme, BlockPattern.exact(new PhoneNumber("+17865558888")))).isFalse();
        assertThat(entries.exists(newTenant("Globex"), BlockPattern.exact(new PhoneNumber("+17865559999"))))
                .isFalse();
    }

    @Test
    void anUpdateChangesReasonAndDirectionOnly() {
        BlockedNumber entry = entry(newTenant("Acme"), BlockPattern.prefix("+44"), T0);
        entries.insert(entry);
        BlockedNumber changed = entry.with(null, BlockDirection.OUTBOUND);

        assertThat(entries.update(changed)).isTrue();

        assertThat(entries.findById(entry.tenant(), entry.id())).contains(changed);
    }

    @Test
    void anUpdateOfAMissingEntryReportsFalse() {
        BlockedNumber never = entry(newTenant("Acme"), BlockPattern.prefix("+44"), T0);

        assertThat(entries.update(never)).isFalse();
    }

    @Test
    void deleteRemovesOnlyTheTenantsOwnEntry() {
        TenantId acme = newTenant("Acme");
        BlockedNumber entry = entry(acme, BlockPattern.anonymous(), T0);
        entries.insert(entry);

        entries.delete(newTenant("Globex"), entry.id());
        assertThat(entries.findById(acme, entry.id())).isPresent();

        entries.delete(acme, entry.id());
        assertThat(entries.findById(acme, entry.id())).isEmpty();
    }

    @Test
    void aTenantsListHoldsOnlyItsEntriesOldestFirst() {
        TenantId acme = newTenant("Acme");
        BlockedNumber newer = entry(acme, BlockPattern.prefix("+1900"), T0.plus(1, ChronoUnit.HOURS));
        BlockedNumber older = entry(acme, BlockPattern.anonymous(), T0);
        entries.insert(newer);
        entries.insert(older);
        entries.insert(entry(newTenant("Globex"), BlockPattern.anonymous(), T0));

        assertThat(entries.list(acme)).containsExactly(older, newer);
    }

    @Test
    void listAllHoldsEveryTenantsEntriesOldestFirst() {
        BlockedNumber second = entry(newTenant("Acme"), BlockPattern.anonymous(), T0.plusSeconds(2));
        BlockedNumber first = entry(newTenant("Globex"), BlockPattern.anonymous(), T0);
        entries.insert(second);
        entries.insert(first);

        assertThat(entries.listAll()).containsExactly(first, second);
    }

    private static BlockedNumber entry(TenantId tenant, BlockPattern pattern, Instant createdAt) {
        return new BlockedNumber(UUID.randomUUID(), tenant, pattern, "Spam", BlockDirection.BOTH, createdAt);
    }
}
