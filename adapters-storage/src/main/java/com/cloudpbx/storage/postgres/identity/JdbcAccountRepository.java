package com.cloudpbx.storage.postgres.identity;

import static com.cloudpbx.storage.postgres.schema.Tables.ACCOUNTS;

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
                        .set(ACCOUNTS.ID, account.id())
                        .set(ACCOUNTS.TENANT_ID, account.tenant() == null ? null : account.tenant().value())
                        .set(ACCOUNTS.KIND, Enums.column(account.kind()))
                        .set(ACCOUNTS.EMAIL, account.email().value())
                        .set(ACCOUNTS.DISPLAY_NAME, account.displayName())
                        .set(ACCOUNTS.PASSWORD_HASH, account.passwordHash())
                        .set(ACCOUNTS.STATUS, Enums.column(account.status()))
                        .set(ACCOUNTS.CREATED_AT, Columns.valueOrDefault(account.createdAt(), ACCOUNTS.CREATED_AT))
                        .set(ACCOUNTS.UPDATED_AT, Columns.valueOrDefault(account.createdAt(), ACCOUNTS.UPDATED_AT))
                        .execute(),
                () -> "An account with e-mail " + account.email() + " already exists");
    }

    @Override
    public Optional<Account> findByEmail(EmailAddress email) {
        return dsl.select(ACCOUNTS.fields()).from(ACCOUNTS).where(emailIs(email))
                .fetchOptional(JdbcAccountRepository::toAccount);
    }

    @Override
    public Optional<Account> findById(TenantId tenant, UUID id) {
        return dsl.select(ACCOUNTS.fields()).from(ACCOUNTS)
                .where(ACCOUNTS.TENANT_ID.eq(tenant.value()).and(ACCOUNTS.ID.eq(id)))
                .fetchOptional(JdbcAccountRepository::toAccount);
    }

    @Override
    public Optional<Account> findByIdInAnyTenant(UUID id) {
        return dsl.select(ACCOUNTS.fields()).from(ACCOUNTS).where(ACCOUNTS.ID.eq(id))
                .fetchOptional(JdbcAccountRepository::toAccount);
    }

    @Override
    public boolean existsEmail(EmailAddress email) {
        return dsl.fetchExists(ACCOUNTS, emailIs(email));
    }

    @Override
    public boolean anySuperadmin() {
        return dsl.fetchExists(ACCOUNTS, ACCOUNTS.KIND.eq(Enums.column(AccountKind.SUPERADMIN)));
    }

    @Override
    public void recordLogin(UUID id, Instant at) {
        dsl.update(ACCOUNTS).set(ACCOUNTS.LAST_LOGIN_AT, at).where(ACCOUNTS.ID.eq(id)).execute();
    }

    private static Condition emailIs(EmailAddress email) {
        return DSL.lower(ACCOUNTS.EMAIL).eq(email.value());
    }

    private static Account toAccount(Record row) {
        UUID tenant = row.get(ACCOUNTS.TENANT_ID);
        return new Account(row.get(ACCOUNTS.ID), tenant == null ? null : TenantId.of(tenant),
                Enums.fromColumn(AccountKind.class, row.get(ACCOUNTS.KIND)), new EmailAddress(row.get(ACCOUNTS.EMAIL)),
                row.get(ACCOUNTS.DISPLAY_NAME), row.get(ACCOUNTS.PASSWORD_HASH),
                Enums.fromColumn(AccountStatus.class, row.get(ACCOUNTS.STATUS)),
                row.get(ACCOUNTS.CREATED_AT));
    }
}
