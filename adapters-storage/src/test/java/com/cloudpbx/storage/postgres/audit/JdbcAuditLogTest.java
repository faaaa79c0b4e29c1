package com.cloudpbx.storage.postgres.audit;

import com.cloudpbx.core.audit.AuditLogContract;
import com.cloudpbx.core.audit.port.AuditLog;
import com.cloudpbx.storage.postgres.PostgresStorage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JdbcAuditLogTest extends AuditLogContract {

    private final PostgresStorage storage = PostgresStorage.start();

    @AfterAll
    void stop() {
        storage.close();
    }

    @Override
    protected AuditLog newAuditLog() {
        return storage.emptied().bean(AuditLog.class);
    }
}
