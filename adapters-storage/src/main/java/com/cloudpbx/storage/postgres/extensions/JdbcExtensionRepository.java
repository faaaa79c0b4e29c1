package com.cloudpbx.storage.postgres.extensions;

import static com.cloudpbx.storage.postgres.schema.Tables.EXTENSIONS;

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
                        .set(EXTENSIONS.ID, extension.id())
                        .set(EXTENSIONS.TENANT_ID, extension.tenant().value())
                        .set(EXTENSIONS.NUMBER, extension.number().value())
                        .set(EXTENSIONS.CREATED_AT, extension.createdAt())
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
            return dsl.fetchExists(EXTENSIONS, EXTENSIONS.ID.eq(after.id()));
        }
        return dsl.update(EXTENSIONS).set(changed).where(EXTENSIONS.ID.eq(after.id())).execute() == 1;
    }

    @Override
    public void delete(TenantId tenant, UUID id) {
        dsl.deleteFrom(EXTENSIONS).where(EXTENSIONS.TENANT_ID.eq(tenant.value()).and(EXTENSIONS.ID.eq(id))).execute();
    }

    @Override
    public Optional<Extension> findById(TenantId tenant, UUID id) {
        return dsl.select(EXTENSIONS.fields()).from(EXTENSIONS)
                .where(EXTENSIONS.TENANT_ID.eq(tenant.value()).and(EXTENSIONS.ID.eq(id)))
                .fetchOptional(JdbcExtensionRepository::toExtension);
    }

    @Override
    public Optional<Extension> findByIdInAnyTenant(UUID id) {
        return dsl.select(EXTENSIONS.fields()).from(EXTENSIONS).where(EXTENSIONS.ID.eq(id))
                .fetchOptional(JdbcExtensionRepository::toExtension);
    }

    @Override
    public Optional<Extension> lockInScope(Optional<TenantId> scope, UUID id) {
        Condition inScope = scope.map(tenant -> EXTENSIONS.ID.eq(id).and(EXTENSIONS.TENANT_ID.eq(tenant.value())))
                .orElse(EXTENSIONS.ID.eq(id));
        return dsl.select(EXTENSIONS.fields()).from(EXTENSIONS).where(inScope).forUpdate()
                .fetchOptional(JdbcExtensionRepository::toExtension);
    }

    @Override
    public Optional<Extension> findByNumber(TenantId tenant, ExtensionNumber number) {
        return dsl.select(EXTENSIONS.fields()).from(EXTENSIONS).where(numberIs(tenant, number))
                .fetchOptional(JdbcExtensionRepository::toExtension);
    }

    @Override
    public boolean existsNumber(TenantId tenant, ExtensionNumber number) {
        return dsl.fetchExists(EXTENSIONS, numberIs(tenant, number));
    }

    @Override
    public List<Extension> list(Optional<TenantId> tenant) {
        Condition scope = tenant.map(t -> EXTENSIONS.TENANT_ID.eq(t.value())).orElse(DSL.noCondition());
        return dsl.select(EXTENSIONS.fields()).from(EXTENSIONS).where(scope)
                .orderBy(EXTENSIONS.TENANT_ID, EXTENSIONS.NUMBER)
                .fetch(JdbcExtensionRepository::toExtension);
    }

    private static Map<Field<?>, Object> mutableColumns(Extension extension) {
        Map<Field<?>, Object> columns = new LinkedHashMap<>();
        columns.put(EXTENSIONS.DISPLAY_NAME, extension.displayName());
        columns.put(EXTENSIONS.SIP_PASSWORD_ENC, extension.sipPasswordEncrypted());
        columns.put(EXTENSIONS.VOICEMAIL_ENABLED, extension.voicemailEnabled());
        columns.put(EXTENSIONS.VOICEMAIL_PIN_ENC, extension.voicemailPinEncrypted());
        columns.put(EXTENSIONS.DO_NOT_DISTURB, extension.doNotDisturb());
        columns.put(EXTENSIONS.RECORDING_ENABLED, extension.recordingEnabled());
        columns.put(EXTENSIONS.NOISE_CANCELLATION_ENABLED, extension.noiseCancellationEnabled());
        PhoneNumber callerId = extension.outboundCallerId();
        columns.put(EXTENSIONS.OUTBOUND_CALLER_ID, callerId == null ? null : callerId.e164());
        columns.put(EXTENSIONS.STATUS, extension.status().wireName());
        columns.put(EXTENSIONS.CRM_USER_ID, extension.crmUserId());
        String metadata = extension.crmMetadataJson();
        columns.put(EXTENSIONS.CRM_METADATA, metadata == null ? null : JSONB.valueOf(metadata));
        columns.put(EXTENSIONS.PRESENCE, extension.presence().wireName());
        columns.put(EXTENSIONS.UPDATED_AT, extension.updatedAt());
        return columns;
    }

    private static Condition numberIs(TenantId tenant, ExtensionNumber number) {
        return EXTENSIONS.TENANT_ID.eq(tenant.value()).and(EXTENSIONS.NUMBER.eq(number.value()));
    }

    private static String duplicate(Extension extension) {
        return "Extension " + extension.number() + " already exists";
    }

    private static Extension toExtension(Record row) {
        String callerId = row.get(EXTENSIONS.OUTBOUND_CALLER_ID);
        JSONB metadata = row.get(EXTENSIONS.CRM_METADATA);
        return new Extension(row.get(EXTENSIONS.ID), TenantId.of(row.get(EXTENSIONS.TENANT_ID)),
                new ExtensionNumber(row.get(EXTENSIONS.NUMBER)), row.get(EXTENSIONS.DISPLAY_NAME),
                row.get(EXTENSIONS.SIP_PASSWORD_ENC), row.get(EXTENSIONS.VOICEMAIL_ENABLED),
                row.get(EXTENSIONS.VOICEMAIL_PIN_ENC), row.get(EXTENSIONS.DO_NOT_DISTURB),
                row.get(EXTENSIONS.RECORDING_ENABLED), row.get(EXTENSIONS.NOISE_CANCELLATION_ENABLED),
                callerId == null ? null : new PhoneNumber(callerId),
                ExtensionStatus.parse(row.get(EXTENSIONS.STATUS), "status"), row.get(EXTENSIONS.CRM_USER_ID),
                metadata == null ? null : metadata.data(),
                ManualPresence.parse(row.get(EXTENSIONS.PRESENCE), "presence"),
                row.get(EXTENSIONS.CREATED_AT), row.get(EXTENSIONS.UPDATED_AT));
    }
}
