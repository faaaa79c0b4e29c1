package com.cloudpbx.core.shared;

import java.util.Locale;

/**
 * What a principal may do. Superadmins act on every tenant; admins have full CRUD in one
 * tenant; readonly principals only read there; users act for one extension.
 */
public enum Role {
    SUPERADMIN,
    ADMIN,
    READONLY,
    USER;

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Role parse(String value, String field) {
        if (value != null) {
            for (Role role : values()) {
                if (role.wireName().equals(value)) {
                    return role;
                }
            }
        }
        throw DomainException.invalid(field, "must be one of superadmin, admin, readonly, user");
    }

    /** Whether a principal of this role may hold a key of {@code other} role: no one above themselves. */
    public boolean includes(Role other) {
        return switch (this) {
            case SUPERADMIN -> true;
            case ADMIN -> other != SUPERADMIN;
            case READONLY, USER -> other == this;
        };
    }

    /** Whether the role, without any scope narrowing, allows this access to the resource. */
    public boolean allows(Resource resource, Access access) {
        return switch (this) {
            case SUPERADMIN -> true;
            case ADMIN -> !resource.platformOnly();
            case READONLY -> !resource.platformOnly() && access == Access.READ && !resource.adminOnly();
            case USER -> resource.extensionScoped();
        };
    }
}
