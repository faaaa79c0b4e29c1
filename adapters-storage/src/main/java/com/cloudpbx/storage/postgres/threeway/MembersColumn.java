package com.cloudpbx.storage.postgres.threeway;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.jooq.Field;
import org.jooq.JSONB;
import org.jooq.JSONEntry;
import org.jooq.impl.DSL;

/**
 * The conference member ids as the {@code members} jsonb object, {leg uuid: member id}. PostgreSQL
 * builds the object and takes it apart (see {@link ThreeWaySessionsTable#MEMBER_LEGS}), so the
 * adapter never parses JSON itself.
 */
final class MembersColumn {

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
