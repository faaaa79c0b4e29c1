package com.cloudpbx.storage.postgres.routing;

import static com.cloudpbx.storage.postgres.schema.Tables.SIP_TRUNKS;

import com.cloudpbx.core.calls.port.OutboundTrunks;
import com.cloudpbx.core.routing.TenantTrunks;
import com.cloudpbx.core.shared.TenantId;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.Optional;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;

/** The trunk of a tenant's outside calls, in one indexed query: its own active trunk first, then a global one. */
@Singleton
@Connectable
public class JdbcOutboundTrunks implements OutboundTrunks {

    private static final String ACTIVE = "active";

    private final DSLContext db;

    public JdbcOutboundTrunks(DSLContext db) {
        this.db = db;
    }

    @Override
    public Optional<String> gatewayFor(TenantId tenant) {
        return db.select(SIP_TRUNKS.ID)
                .from(SIP_TRUNKS)
                .where(SIP_TRUNKS.STATUS.eq(ACTIVE))
                .and(SIP_TRUNKS.TENANT_ID.eq(tenant.value()).or(SIP_TRUNKS.TENANT_ID.isNull()))
                .orderBy(DSL.when(SIP_TRUNKS.TENANT_ID.isNull(), 1).otherwise(0), SIP_TRUNKS.NAME)
                .limit(1)
                .fetchOptional(SIP_TRUNKS.ID)
                .map(TenantTrunks::trunkGateway);
    }
}
