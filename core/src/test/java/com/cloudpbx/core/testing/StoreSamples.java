package com.cloudpbx.core.testing;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.ExtensionStatus;
import com.cloudpbx.core.extensions.ManualPresence;
import com.cloudpbx.core.identity.Account;
import com.cloudpbx.core.identity.AccountKind;
import com.cloudpbx.core.identity.AccountStatus;
import com.cloudpbx.core.identity.ApiKey;
import com.cloudpbx.core.identity.ApiKeyStatus;
import com.cloudpbx.core.shared.EmailAddress;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Subdomain;
import com.cloudpbx.core.tenants.Tenant;
import com.cloudpbx.core.tenants.TenantStatus;
import java.time.Instant;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

/**
 * Valid domain objects for repository contracts. Times are whole microseconds, the precision
 * databases keep, so a stored row compares equal to what was written.
 */
public final class StoreSamples {

    public static final Instant T0 = Instant.parse("2026-03-01T09:30:00.123456Z");

    private StoreSamples() {
    }

    /** A tenant whose subdomain starts with the name and is unique in any store. */
    public static Tenant tenant(String companyName) {
        String label = companyName.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "")
                + "-" + UUID.randomUUID().toString().substring(0, 8);
        return new Tenant(TenantId.of(UUID.randomUUID()), companyName, new Subdomain(label),
                label + ".sip.example.com", TenantStatus.ACTIVE, T0, T0);
    }

    /** An active extension with the defaults the use case gives a new one. */
    public static Extension extension(TenantId tenant, String number) {
        return new Extension(UUID.randomUUID(), tenant, new ExtensionNumber(number), "Ext " + number,
                "v1:cipher-" + number, false, null, false, true, true, null, ExtensionStatus.ACTIVE, null, null,
                ManualPresence.AVAILABLE, T0, T0);
    }

    public static Extension withStatus(Extension e, ExtensionStatus status) {
        return new Extension(e.id(), e.tenant(), e.number(), e.displayName(), e.sipPasswordEncrypted(),
                e.voicemailEnabled(), e.voicemailPinEncrypted(), e.doNotDisturb(), e.recordingEnabled(),
                e.noiseCancellationEnabled(), e.outboundCallerId(), status, e.crmUserId(), e.crmMetadataJson(),
                e.presence(), e.createdAt(), e.updatedAt());
    }

    public static Account admin(TenantId tenant, String email) {
        return new Account(UUID.randomUUID(), tenant, AccountKind.ADMIN, new EmailAddress(email), "Admin " + email,
                "$2a$10$hash-of-" + email, AccountStatus.ACTIVE, T0);
    }

    public static Account superadmin(String email) {
        return new Account(UUID.randomUUID(), null, AccountKind.SUPERADMIN, new EmailAddress(email), "Superadmin",
                "$2a$10$hash-of-" + email, AccountStatus.ACTIVE, T0);
    }

    /** An active admin key of the tenant, without scopes, created at the given time. */
    public static ApiKey adminKey(TenantId tenant, String name, Instant createdAt) {
        UUID id = UUID.randomUUID();
        return new ApiKey(id, tenant, name, Role.ADMIN, Set.of(), null, "hash-" + id, last8(id),
                ApiKeyStatus.ACTIVE, null, null, UUID.randomUUID(), createdAt);
    }

    public static ApiKey globalKey(String name, Instant createdAt) {
        UUID id = UUID.randomUUID();
        return new ApiKey(id, null, name, Role.SUPERADMIN, Set.of(), null, "hash-" + id, last8(id),
                ApiKeyStatus.ACTIVE, null, null, UUID.randomUUID(), createdAt);
    }

    private static String last8(UUID id) {
        String text = id.toString();
        return text.substring(text.length() - 8);
    }
}
