package com.cloudpbx.core.identity.port;

import com.cloudpbx.core.identity.Account;
import com.cloudpbx.core.shared.EmailAddress;
import com.cloudpbx.core.shared.TenantId;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Port: stores and finds admin and superadmin accounts. */
public interface AccountRepository {

    void insert(Account account);

    Optional<Account> findByEmail(EmailAddress email);

    /** The tenant's admin account with this id; empty for a superadmin or another tenant's admin. */
    Optional<Account> findById(TenantId tenant, UUID id);

    /** The account with this id whatever its tenant, superadmins included: for a superadmin's own principal. */
    Optional<Account> findByIdInAnyTenant(UUID id);

    /** By id within a principal's tenant; an empty one (a superadmin's) looks in any tenant. */
    default Optional<Account> findInScope(Optional<TenantId> scope, UUID id) {
        return scope.isPresent() ? findById(scope.get(), id) : findByIdInAnyTenant(id);
    }

    boolean existsEmail(EmailAddress email);

    boolean anySuperadmin();

    void recordLogin(UUID id, Instant at);
}
