package com.cloudpbx.storage.postgres.routing;

import static com.cloudpbx.storage.postgres.schema.Tables.EXTENSIONS;

import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.jooq.DSLContext;

/** Member extensions are named by number in core and stored by id: this maps the one to the other. */
final class MemberExtensionIds {

    private MemberExtensionIds() {
    }

    /** The tenant's extension ids by number; a number gone meanwhile is a 400 naming it. */
    static Map<String, UUID> of(DSLContext dsl, TenantId tenant, Collection<String> numbers) {
        if (numbers.isEmpty()) {
            return Map.of();
        }
        Map<String, UUID> ids = dsl.select(EXTENSIONS.NUMBER, EXTENSIONS.ID).from(EXTENSIONS)
                .where(EXTENSIONS.TENANT_ID.eq(tenant.value()).and(EXTENSIONS.NUMBER.in(numbers)))
                .fetchMap(EXTENSIONS.NUMBER, EXTENSIONS.ID);
        for (String number : numbers) {
            if (!ids.containsKey(number)) {
                throw DomainException.invalid("members", "extension " + number + " does not exist");
            }
        }
        return ids;
    }
}
