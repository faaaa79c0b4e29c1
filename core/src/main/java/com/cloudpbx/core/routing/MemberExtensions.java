package com.cloudpbx.core.routing;

import com.cloudpbx.core.extensions.Extension;
import com.cloudpbx.core.extensions.ExtensionNumber;
import com.cloudpbx.core.extensions.port.ExtensionRepository;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.core.shared.TenantId;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Checks a group's member list: each member an active extension of the tenant, none twice, and
 * not more than the limit. Each refusal names the member's field ({@code members[2].extension}).
 */
final class MemberExtensions {

    static final int MAX_MEMBERS = 100;

    private final ExtensionRepository extensions;

    MemberExtensions(ExtensionRepository extensions) {
        this.extensions = extensions;
    }

    /** The members' extension numbers as stored; {@code numberOf} reads the number a client sent. */
    <M> List<String> check(TenantId tenant, List<M> members, Function<M, String> numberOf) {
        if (members.size() > MAX_MEMBERS) {
            throw DomainException.invalid("members", "must have at most " + MAX_MEMBERS + " members");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < members.size(); i++) {
            String field = "members[" + i + "].extension";
            M member = members.get(i);
            if (member == null) {
                throw DomainException.invalid("members[" + i + "]", "must be an object with an extension");
            }
            String number = activeExtension(tenant, numberOf.apply(member), field).number().value();
            if (!seen.add(number)) {
                throw DomainException.invalid(field, "extension " + number + " is listed twice");
            }
        }
        return members.stream().map(m -> numberOf.apply(m).strip()).toList();
    }

    /** The tenant's active extension of that number; a 400 on the field otherwise. */
    Extension activeExtension(TenantId tenant, String number, String field) {
        ExtensionNumber parsed = ExtensionNumber.parse(number, field);
        Extension extension = extensions.findByNumber(tenant, parsed)
                .orElseThrow(() -> DomainException.invalid(field, "extension " + parsed + " does not exist"));
        if (!extension.isActive()) {
            throw DomainException.invalid(field, "extension " + parsed + " is not active");
        }
        return extension;
    }
}
