package com.cloudpbx.core.shared;

import com.cloudpbx.core.shared.port.CredentialVersions;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

/**
 * Who is calling: an account, an extension or an API key, with its role, home tenant (none for
 * superadmins and global keys), its extension for user principals, and scopes that narrow the role.
 * <p>
 * {@code credentialVersion} is, for a login token, its tenant's and its extension's credential
 * versions when it was issued, packed into one number ({@link CredentialStamp}; see
 * {@link CredentialVersions}); both only grow, so any invalidation of either leaves the token's
 * behind the current one. API keys are checked by their own status instead and carry 0.
 */
public record Principal(UUID id, PrincipalKind kind, Role role, TenantId tenant, UUID extensionId, Set<Scope> scopes,
                        long credentialVersion) {

    public Principal(UUID id, PrincipalKind kind, Role role, TenantId tenant, UUID extensionId, Set<Scope> scopes) {
        this(id, kind, role, tenant, extensionId, scopes, 0);
    }

    public Principal {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(role, "role");
        scopes = Set.copyOf(scopes);
        if (role != Role.SUPERADMIN && tenant == null) {
            throw new IllegalArgumentException("a " + role.wireName() + " principal belongs to a tenant");
        }
        if (role == Role.USER && extensionId == null) {
            throw new IllegalArgumentException("a user principal acts for an extension");
        }
        if (credentialVersion < 0) {
            throw new IllegalArgumentException("a credential version is never negative");
        }
    }

    public Principal withCredentialVersion(long version) {
        return new Principal(id, kind, role, tenant, extensionId, scopes, version);
    }

    public boolean isSuperadmin() {
        return role == Role.SUPERADMIN;
    }

    /** The role allows it and, when the principal has scopes, one of them grants it. */
    public boolean may(Resource resource, Access access) {
        if (!role.allows(resource, access)) {
            return false;
        }
        return scopes.isEmpty() || scopes.stream().anyMatch(scope -> scope.grants(resource, access));
    }

    /**
     * Whether a credential of {@code role} narrowed to {@code narrowedTo} (empty: the whole role)
     * can do no more than this principal: its role is within this one's and, when this principal
     * is scoped, it is scoped too, each of its scopes granted by one of this principal's.
     */
    public boolean covers(Role otherRole, Set<Scope> narrowedTo) {
        if (!role.includes(otherRole)) {
            return false;
        }
        return scopes.isEmpty() || !narrowedTo.isEmpty() && narrowedTo.stream()
                .allMatch(wanted -> scopes.stream().anyMatch(own -> own.grants(wanted.resource(), wanted.access())));
    }
}
