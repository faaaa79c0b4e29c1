package com.cloudpbx.storage.postgres.identity;

import static com.cloudpbx.storage.postgres.identity.AccountsTable.COLUMNS;
import static com.cloudpbx.storage.postgres.identity.AccountsTable.ACCOUNTS;
import static com.cloudpbx.storage.postgres.identity.AccountsTable.CREATED_AT;
import static com.cloudpbx.storage.postgres.identity.AccountsTable.DISPLAY_NAME;
import static com.cloudpbx.storage.postgres.identity.AccountsTable.EMAIL;
import static com.cloudpbx.storage.postgres.identity.AccountsTable.ID;
import static com.cloudpbx.storage.postgres.identity.AccountsTable.KIND;
import static com.cloudpbx.storage.postgres.identity.AccountsTable.LAST_LOGIN_AT;
import static com.cloudpbx.storage.postgres.identity.AccountsTable.PASSWORD_HASH;
import static com.cloudpbx.storage.postgres.identity.AccountsTable.STATUS;
import static com.cloudpbx.storage.postgres.identity.AccountsTable.TENANT_ID;
import static com.cloudpbx.storage.postgres.identity.AccountsTable.UPDATED_AT;

import com.cloudpbx.core.identity.Account;
import com.cloudpbx.core.identity.AccountKind;
import com.cloudpbx.core.identity.AccountStatus;
import com.cloudpbx.core.identity.port.AccountRepository;
import com.cloudpbx.core.shared.EmailAddress;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.postgres.Columns;
import com.cloudpbx.storage.postgres.Enums;
import com.cloudpbx.storage.postgres.UniqueViolations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Admin and superadmin accounts in PostgreSQL. E-mail addresses are matched on
 * {@code lower(email)}, the expression the unique index is built on, so lookups use it.
 */
@Singleton
@Connectable
public class JdbcAccountRepository implements AccountRepository {

    private final DSLContext dsl;

    public JdbcAccountRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(Account account) {
        UniqueViolations.translate(() -> dsl.insertInto(ACCOUNTS)
                        .set(ID, account.id())
                        .set(TENANT_ID, account.tenant() == null ? null : account.tenant().value())
                        .set(KIND, Enums.column(account.kind()))
                        .set(EMAIL, account.email().value())
                        .set(DISPLAY_NAME, account.displayName())
                        .set(PASSWORD_HASH, account.passwordHash())
                        .set(STATUS, Enums.column(account.status()))
                        .set(CREATED_AT, Columns.valueOrDefault(account.createdAt(), CREATED_AT))
                        .set(UPDATED_AT, Columns.valueOrDefault(account.createdAt(), UPDATED_AT))
                        .execute(),
                () -> "An account with e-mail " + account.email() + " already exists");
    }

    @Override
    public Optional<Account> findByEmail(EmailAddress email) {
        return dsl.select(COLUMNS).from(ACCOUNTS).where(emailIs(email)).fetchOptional(JdbcAccountRepository::toAccount);
    }

    @Override
    public Optional<Account> findById(TenantId tenant, UUID id) {
        return dsl.select(COLUMNS).from(ACCOUNTS).where(TENANT_ID.eq(tenant.value()).and(ID.eq(id)))
                .fetchOptional(JdbcAccountRepository::toAccount);
    }

    @Override
    public Optional<Account> findByIdInAnyTenant(UUID id) {
        return dsl.select(COLUMNS).from(ACCOUNTS).where(ID.eq(id)).fetchOptional(JdbcAccountRepository::toAccount);
    }

    @Override
    public boolean existsEmail(EmailAddress email) {
        return dsl.fetchExists(ACCOUNTS, emailIs(email));
    }

    @Override
    public boolean anySuperadmin() {
        return dsl.fetchExists(ACCOUNTS, KIND.eq(Enums.column(AccountKind.SUPERADMIN)));
    }

    @Override
    public void recordLogin(UUID id, Instant at) {
        dsl.update(ACCOUNTS).set(LAST_LOGIN_AT, at).where(ID.eq(id)).execute();
    }

    private static Condition emailIs(EmailAddress email) {
        return DSL.lower(EMAIL).eq(email.value());
    }

    private static Account toAccount(Record row) {
        UUID tenant = row.get(TENANT_ID);
        return new Account(row.get(ID), tenant == null ? null : TenantId.of(tenant),
                Enums.fromColumn(AccountKind.class, row.get(KIND)), new EmailAddress(row.get(EMAIL)),
                row.get(DISPLAY_NAME), row.get(PASSWORD_HASH), Enums.fromColumn(AccountStatus.class, row.get(STATUS)),
                row.get(CREATED_AT));
    }
}
