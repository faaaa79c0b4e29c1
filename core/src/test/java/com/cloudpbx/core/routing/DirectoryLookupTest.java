package com.cloudpbx.core.routing;

import static com.cloudpbx.core.testing.StoreSamples.T0;
import static com.cloudpbx.core.testing.StoreSamples.tenant;
import static com.cloudpbx.core.testing.StoreSamples.withStatus;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.ExtensionStatus;
import com.cloudpbx.core.extensions.ManualPresence;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.TenantStatus;
import java.util.Locale;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class DirectoryLookupTest {

    private final RoutingStore store = new RoutingStore();
    private final DirectoryLookup lookup = new DirectoryLookup(store.tenants(), store.extensions(), RoutingStore.CIPHER);
    private final Tenant acme = tenant("Acme");

    DirectoryLookupTest() {
        store.tenantRows.add(acme);
    }

    @Test
    void anActiveExtensionIsFoundWithTheDigestOfItsPasswordInsteadOfThePassword() {
        store.extensionRows.add(extension(acme, "1001", "s3cret-pass", "Alice"));

        DirectoryEntry entry = lookup.find(acme.sipDomain(), "1001").orElseThrow();

        assertThat(entry.extension()).isEqualTo("1001");
        assertThat(entry.sipDomain()).isEqualTo(acme.sipDomain());
        assertThat(entry.tenant()).isEqualTo(acme.id());
        assertThat(entry.displayName()).isEqualTo("Alice");
        assertThat(entry.a1Hash()).isEqualTo(DigestA1.of("1001", acme.sipDomain(), "s3cret-pass"))
                .hasSize(32).doesNotContain("s3cret-pass");
        assertThat(entry.toString()).doesNotContain(entry.a1Hash());
    }

    @Test
    void theDigestIsTheStandardMd5OfUserRealmAndPassword() {
        // RFC 2617's A1 for "Mufasa" in realm "testrealm@host.com" with password "Circle Of Life".
        assertThat(DigestA1.of("Mufasa", "testrealm@host.com", "Circle Of Life"))
                .isEqualTo("939e7578ed9e3c518a452acee763bce9");
    }

    @Test
    void theDomainMatchesWhateverItsCase() {
        store.extensionRows.add(extension(acme, "1001", "s3cret-pass", "Alice"));

        assertThat(lookup.find(acme.sipDomain().toUpperCase(Locale.ROOT), "1001")).isPresent();
    }

    @Test
    void theOutboundCallerIdAndVoicemailSettingComeAlong() {
        Extension base = extension(acme, "1001", "s3cret-pass", "Alice");
        store.extensionRows.add(new Extension(base.id(), base.tenant(), base.number(), base.displayName(),
                base.sipPasswordEncrypted(), true, null, false, false, false, new PhoneNumber("+15551230000"),
                ExtensionStatus.ACTIVE, null, null, ManualPresence.AVAILABLE, T0, T0));

        DirectoryEntry entry = lookup.find(acme.sipDomain(), "1001").orElseThrow();

        assertThat(entry.voicemailEnabled()).isTrue();
        assertThat(entry.outboundCallerId()).contains(new PhoneNumber("+15551230000"));
    }

    @Test
    void aDisabledExtensionDoesNotExistForTheMediaServer() {
        store.extensionRows.add(withStatus(extension(acme, "1001", "s3cret-pass", "Alice"), ExtensionStatus.DISABLED));

        assertThat(lookup.find(acme.sipDomain(), "1001")).isEmpty();
    }

    @Test
    void noExtensionOfASuspendedTenantExistsForTheMediaServer() {
        Tenant base = tenant("Sleepy");
        Tenant sleepy = new Tenant(base.id(), base.companyName(), base.subdomain(), base.sipDomain(),
                TenantStatus.SUSPENDED, T0, T0);
        store.tenantRows.add(sleepy);
        store.extensionRows.add(extension(sleepy, "1001", "s3cret-pass", "Alice"));

        assertThat(lookup.find(sleepy.sipDomain(), "1001")).isEmpty();
    }

    @Test
    void anExtensionIsOnlyFoundOnItsOwnTenantsDomain() {
        Tenant other = tenant("Other");
        store.tenantRows.add(other);
        store.extensionRows.add(extension(acme, "1001", "s3cret-pass", "Alice"));

        assertThat(lookup.find(other.sipDomain(), "1001")).isEmpty();
        assertThat(lookup.find("unknown.example.com", "1001")).isEmpty();
    }

    @Test
    void usersThatCannotBeExtensionNumbersAreNotLookedUp() {
        assertThat(lookup.find(acme.sipDomain(), "alice")).isEmpty();
        assertThat(lookup.find(acme.sipDomain(), null)).isEmpty();
        assertThat(lookup.find(null, "1001")).isEmpty();
    }

    static Extension extension(Tenant tenant, String number, String password, String displayName) {
        return new Extension(UUID.randomUUID(), tenant.id(), new ExtensionNumber(number), displayName,
                RoutingStore.CIPHER.encrypt(password), false, null, false, false, false, null,
                ExtensionStatus.ACTIVE, null, null, ManualPresence.AVAILABLE, T0, T0);
    }

}
