package com.cloudpbx.storage.postgres.extensions;

import static com.cloudpbx.storage.postgres.extensions.ExtensionsTable.COLUMNS;
import static com.cloudpbx.storage.postgres.extensions.ExtensionsTable.CREATED_AT;
import static com.cloudpbx.storage.postgres.extensions.ExtensionsTable.CRM_METADATA;
import static com.cloudpbx.storage.postgres.extensions.ExtensionsTable.CRM_USER_ID;
import static com.cloudpbx.storage.postgres.extensions.ExtensionsTable.DISPLAY_NAME;
import static com.cloudpbx.storage.postgres.extensions.ExtensionsTable.DO_NOT_DISTURB;
import static com.cloudpbx.storage.postgres.extensions.ExtensionsTable.EXTENSIONS;
import static com.cloudpbx.storage.postgres.extensions.ExtensionsTable.ID;
import static com.cloudpbx.storage.postgres.extensions.ExtensionsTable.NOISE_CANCELLATION_ENABLED;
import static com.cloudpbx.storage.postgres.extensions.ExtensionsTable.NUMBER;
import static com.cloudpbx.storage.postgres.extensions.ExtensionsTable.OUTBOUND_CALLER_ID;
import static com.cloudpbx.storage.postgres.extensions.ExtensionsTable.PRESENCE;
import static com.cloudpbx.storage.postgres.extensions.ExtensionsTable.RECORDING_ENABLED;
import static com.cloudpbx.storage.postgres.extensions.ExtensionsTable.SIP_PASSWORD_ENC;
import static com.cloudpbx.storage.postgres.extensions.ExtensionsTable.STATUS;
import static com.cloudpbx.storage.postgres.extensions.ExtensionsTable.TENANT_ID;
import static com.cloudpbx.storage.postgres.extensions.ExtensionsTable.UPDATED_AT;
import static com.cloudpbx.storage.postgres.extensions.ExtensionsTable.VOICEMAIL_ENABLED;
import static com.cloudpbx.storage.postgres.extensions.ExtensionsTable.VOICEMAIL_PIN_ENC;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.ExtensionStatus;
import com.cloudpbx.core.extensions.ManualPresence;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.shared.PhoneNumber;
import com.cloudpbx.core.shared.TenantId;
import com.cloudpbx.storage.postgres.UniqueViolations;
import io.micronaut.data.connection.annotation.Connectable;
import jakarta.inject.Singleton;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.impl.DSL;

/**
 * Extensions in PostgreSQL. The CRM metadata is a {@code jsonb} column, so PostgreSQL checks it is
 * JSON and hands it back normalised (its own spacing and key order), not byte for byte.
 */
@Singleton
@Connectable
public class JdbcExtensionRepository implements ExtensionRepository {

    private final DSLContext dsl;

    public JdbcExtensionRepository(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Override
    public void insert(Extension extension) {
        UniqueViolations.translate(() -> dsl.insertInto(EXTENSIONS)
                        .set(ID, extension.id())
                        .set(TENANT_ID, extension.tenant().value())
                        .set(NUMBER, extension.number().value())
                        .set(CREATED_AT, extension.createdAt())
                        .set(mutableColumns(extension))
                        .execute(),
                () -> duplicate(extension));
    }

    /** Never the identity (id, tenant, number) nor the creation time; of the rest, what changed. */
    @Override
    public boolean update(Extension before, Extension after) {
        Map<Field<?>, Object> changed = mutableColumns(after);
        changed.entrySet().removeAll(mutableColumns(before).entrySet());
        if (changed.isEmpty()) {
            return dsl.fetchExists(EXTENSIONS, ID.eq(after.id()));
        }
        return dsl.update(EXTENSIONS).set(changed).where(ID.eq(after.id())).execute() == 1;
    }

    @Override
    public void delete(TenantId tenant, UUID id) {
        dsl.deleteFrom(EXTENSIONS).where(TENANT_ID.eq(tenant.value()).and(ID.eq(id))).execute();
    }

    @Override
    public Optional<Extension> findById(TenantId tenant, UUID id) {
        return dsl.select(COLUMNS).from(EXTENSIONS).where(TENANT_ID.eq(tenant.value()).and(ID.eq(id)))
                .fetchOptional(JdbcExtensionRepository::toExtension);
    }

    @Override
    public Optional<Extension> findByIdInAnyTenant(UUID id) {
        return dsl.select(COLUMNS).from(EXTENSIONS).where(ID.eq(id))
                .fetchOptional(JdbcExtensionRepository::toExtension);
    }

    @Override
    public Optional<Extension> lockInScope(Optional<TenantId> scope, UUID id) {
        Condition inScope = scope.map(tenant -> ID.eq(id).and(TENANT_ID.eq(tenant.value()))).orElse(ID.eq(id));
        return dsl.select(COLUMNS).from(EXTENSIONS).where(inScope).forUpdate()
                .fetchOptional(JdbcExtensionRepository::toExtension);
    }

    @Override
    public Optional<Extension> findByNumber(TenantId tenant, ExtensionNumber number) {
        return dsl.select(COLUMNS).from(EXTENSIONS).where(numberIs(tenant, number))
                .fetchOptional(JdbcExtensionRepository::toExtension);
    }

    @Override
    public boolean existsNumber(TenantId tenant, ExtensionNumber number) {
        return dsl.fetchExists(EXTENSIONS, numberIs(tenant, number));
    }

    @Override
    public List<Extension> list(Optional<TenantId> tenant) {
        Condition scope = tenant.map(t -> TENANT_ID.eq(t.value())).orElse(DSL.noCondition());
        return dsl.select(COLUMNS).from(EXTENSIONS).where(scope).orderBy(TENANT_ID, NUMBER)
                .fetch(JdbcExtensionRepository::toExtension);
    }

    private static Map<Field<?>, Object> mutableColumns(Extension extension) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(DISPLAY_NAME, extension.displayName());
        columns.put(SIP_PASSWORD_ENC, extension.sipPasswordEncrypted());
        columns.put(VOICEMAIL_ENABLED, extension.voicemailEnabled());
        columns.put(VOICEMAIL_PIN_ENC, extension.voicemailPinEncrypted());
        columns.put(DO_NOT_DISTURB, extension.doNotDisturb());
        columns.put(RECORDING_ENABLED, extension.recordingEnabled());
        columns.put(NOISE_CANCELLATION_ENABLED, extension.noiseCancellationEnabled());
        PhoneNumber callerId = extension.outboundCallerId();
        columns.put(OUTBOUND_CALLER_ID, callerId == null ? null : callerId.e164());
        columns.put(STATUS, extension.status().wireName());
        columns.put(CRM_USER_ID, extension.crmUserId());
        String metadata = extension.crmMetadataJson();
        columns.put(CRM_METADATA, metadata == null ? null : JSONB.valueOf(metadata));
        columns.put(PRESENCE, extension.presence().wireName());
        columns.put(UPDATED_AT, extension.updatedAt());
        return columns;
    }

    private static Condition numberIs(TenantId tenant, ExtensionNumber number) {
        return TENANT_ID.eq(tenant.value()).and(NUMBER.eq(number.value()));
    }

    private static String duplicate(Extension extension) {
        return "Extension " + extension.number() + " already exists";
    }

    private static Extension toExtension(Record row) {
        String callerId = row.get(OUTBOUND_CALLER_ID);
        JSONB metadata = row.get(CRM_METADATA);
        return new Extension(row.get(ID), TenantId.of(row.get(TENANT_ID)), new ExtensionNumber(row.get(NUMBER)),
                row.get(DISPLAY_NAME), row.get(SIP_PASSWORD_ENC), row.get(VOICEMAIL_ENABLED),
                row.get(VOICEMAIL_PIN_ENC), row.get(DO_NOT_DISTURB), row.get(RECORDING_ENABLED),
                row.get(NOISE_CANCELLATION_ENABLED), callerId == null ? null : new PhoneNumber(callerId),
                ExtensionStatus.parse(row.get(STATUS), "status"), row.get(CRM_USER_ID),
                metadata == null ? null : metadata.data(), ManualPresence.parse(row.get(PRESENCE), "presence"),
                row.get(CREATED_AT), row.get(UPDATED_AT));
    }
}
