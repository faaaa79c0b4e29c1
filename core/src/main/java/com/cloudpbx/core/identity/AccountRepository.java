package com.cloudpbx.core.identity;

import com.cloudpbx.core.shared.EmailAddress;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

/** Port: admin and superadmin accounts. */
public interface AccountRepository {

    void insert(Account account);

    Optional<Account> findByEmail(EmailAddress email);

    Optional<Account> findById(UUID id);

    boolean existsEmail(EmailAddress email);

    boolean anySuperadmin();

    void recordLogin(UUID id, Instant at);
}
