package com.cloudpbx.storage.postgres.threeway;

import static com.cloudpbx.storage.postgres.schema.Tables.THREE_WAY_SESSIONS;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.JSONEntry;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;

/**
 * The conference member ids as the {@code members} jsonb object, {leg uuid: member id}. PostgreSQL
 * builds the object and takes it apart (see {@link #LEGS}), so the adapter never parses JSON itself.
 */
final class MembersColumn {

    /**
     * The members object taken apart by PostgreSQL into its legs and its member ids, both in key
     * order so that they pair up by position: reading it back needs no JSON library.
     */
    static final Field<UUID[]> LEGS = DSL.field(
            "array(select key::uuid from jsonb_each_text({0}) order by key)", SQLDataType.UUID.array(),
            THREE_WAY_SESSIONS.MEMBERS);
    static final Field<String[]> MEMBER_IDS = DSL.field(
            "array(select value from jsonb_each_text({0}) order by key)", SQLDataType.CLOB.array(),
            THREE_WAY_SESSIONS.MEMBERS);

    private MembersColumn() {
    }

    static Field<JSONB> of(Map<UUID, String> members) {
        List<JSONEntry<String>> entries = members.entrySet().stream()
                .map(member -> DSL.jsonEntry(member.getKey().toString(), DSL.val(member.getValue())))
                .toList();
        return DSL.jsonbObject(entries);
    }

    /** The members read back as the two arrays that pair up by position. */
    static Map<UUID, String> read(UUID[] legs, String[] memberIds) {
        Map<UUID, String> members = new HashMap<>();
        for (int i = 0; i < legs.length; i++) {
            members.put(legs[i], memberIds[i]);
        }
        return members;
    }
}
