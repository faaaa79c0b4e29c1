package com.cloudpbx.storage.postgres.extensions;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.Record;
import org.jooq.Table;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/** The {@code extensions} table (V2), typed for jOOQ without generated code. */
public final class ExtensionsTable {

    public static final Table<Record> EXTENSIONS = DSL.table(DSL.name("extensions"));
    public static final Field<UUID> ID = DSL.field(DSL.name("id"), SQLDataType.UUID);
    public static final Field<UUID> TENANT_ID = DSL.field(DSL.name("tenant_id"), SQLDataType.UUID);
    public static final Field<String> NUMBER = DSL.field(DSL.name("number"), SQLDataType.CLOB);
    public static final Field<String> DISPLAY_NAME = DSL.field(DSL.name("display_name"), SQLDataType.CLOB);
    public static final Field<String> SIP_PASSWORD_ENC = DSL.field(DSL.name("sip_password_enc"), SQLDataType.CLOB);
    public static final Field<Boolean> VOICEMAIL_ENABLED =
            DSL.field(DSL.name("voicemail_enabled"), SQLDataType.BOOLEAN);
    public static final Field<String> VOICEMAIL_PIN_ENC = DSL.field(DSL.name("voicemail_pin_enc"), SQLDataType.CLOB);
    public static final Field<Boolean> DO_NOT_DISTURB = DSL.field(DSL.name("do_not_disturb"), SQLDataType.BOOLEAN);
    public static final Field<Boolean> RECORDING_ENABLED =
            DSL.field(DSL.name("recording_enabled"), SQLDataType.BOOLEAN);
    public static final Field<Boolean> NOISE_CANCELLATION_ENABLED =
            DSL.field(DSL.name("noise_cancellation_enabled"), SQLDataType.BOOLEAN);
    public static final Field<String> OUTBOUND_CALLER_ID = DSL.field(DSL.name("outbound_caller_id"), SQLDataType.CLOB);
    public static final Field<String> STATUS = DSL.field(DSL.name("status"), SQLDataType.CLOB);
    public static final Field<String> CRM_USER_ID = DSL.field(DSL.name("crm_user_id"), SQLDataType.CLOB);
    public static final Field<JSONB> CRM_METADATA = DSL.field(DSL.name("crm_metadata"), SQLDataType.JSONB);
    public static final Field<String> PRESENCE = DSL.field(DSL.name("presence"), SQLDataType.CLOB);
    public static final Field<Instant> CREATED_AT = DSL.field(DSL.name("created_at"), SQLDataType.INSTANT);
    public static final Field<Instant> UPDATED_AT = DSL.field(DSL.name("updated_at"), SQLDataType.INSTANT);

    /** Every column, typed: selecting these (not *) makes jOOQ read each as its declared Java type. */
    public static final List<Field<?>> COLUMNS = List.of(
            ID, TENANT_ID, NUMBER, DISPLAY_NAME, SIP_PASSWORD_ENC, VOICEMAIL_ENABLED, VOICEMAIL_PIN_ENC,
            DO_NOT_DISTURB, RECORDING_ENABLED, NOISE_CANCELLATION_ENABLED, OUTBOUND_CALLER_ID, STATUS, CRM_USER_ID,
            CRM_METADATA, PRESENCE, CREATED_AT, UPDATED_AT);

    private ExtensionsTable() {
    }
}
