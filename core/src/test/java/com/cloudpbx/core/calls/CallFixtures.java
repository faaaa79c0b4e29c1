package com.cloudpbx.core.calls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.shared.Actor;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.ErrorKind;
import com.cloudpbx.core.shared.FieldIssue;
import com.cloudpbx.core.shared.Principal;
import com.cloudpbx.core.shared.PrincipalKind;
import com.cloudpbx.core.shared.Role;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.core.tenants.Tenant;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;

/** Principals, live legs, read-only repositories and refusal checks for unit tests of the call use cases. */
public final class CallFixtures {

    private CallFixtures() {
    }

    public static Actor admin(Tenant tenant) {
        return act(new Principal(UUID.randomUUID(), PrincipalKind.ADMIN, Role.ADMIN, tenant.id(), null, Set.of()),
                Optional.empty());
    }

    public static Actor readonly(Tenant tenant) {
        return act(new Principal(UUID.randomUUID(), PrincipalKind.API_KEY, Role.READONLY, tenant.id(), null,
                Set.of()), Optional.empty());
    }

    /** The extension's own credential. */
    public static Actor user(Tenant tenant, Extension extension) {
        return act(new Principal(extension.id(), PrincipalKind.EXTENSION, Role.USER, tenant.id(), extension.id(),
                Set.of()), Optional.empty());
    }

    /** A superadmin acting in no tenant: it sees every tenant. */
    public static Actor superadmin() {
        return act(superadminPrincipal(), Optional.empty());
    }

    public static Actor superadminIn(Tenant tenant) {
        return act(superadminPrincipal(), Optional.of(tenant.id()));
    }

    /** An answered leg of the call; {@code extension} null for an outside party's leg. */
    public static LiveChannel answeredLeg(Tenant tenant, UUID callUuid, String extension, Instant startedAt) {
        return new LiveChannel(UUID.randomUUID(), callUuid, tenant.id(), extension,
                extension == null ? "+15550001111" : extension, "Someone", "+15551234567", CallDirection.OUTBOUND,
                true, false, startedAt, startedAt, null, null, null);
    }

    /** A leg ringing the extension, not answered yet. */
    public static LiveChannel ringingLeg(Tenant tenant, String extension, Instant startedAt) {
        UUID uuid = UUID.randomUUID();
        return new LiveChannel(uuid, uuid, tenant.id(), extension, "+15550001111", "Caller", extension,
                CallDirection.INBOUND, false, false, startedAt, null, null, null, null);
    }

    public static void assertRefused(ThrowingCallable call, ErrorKind kind) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.kind()).isEqualTo(kind));
    }

    public static void assertRefusedWithCode(ThrowingCallable call, String code) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class,
                e -> assertThat(e.code()).isEqualTo(code));
    }

    /** Refused as VALIDATION_FAILED, naming the field at fault. */
    public static void assertInvalid(ThrowingCallable call, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DomainException.class, e -> {
            assertThat(e.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(e.details()).extracting(FieldIssue::field).containsExactly(field);
        });
    }

    private static Principal superadminPrincipal() {
        return new Principal(UUID.randomUUID(), PrincipalKind.SUPERADMIN, Role.SUPERADMIN, null, null, Set.of());
    }

    private static Actor act(Principal principal, Optional<TenantId> tenant) {
        return Actor.resolve(principal, tenant, "127.0.0.1");
    }
}
