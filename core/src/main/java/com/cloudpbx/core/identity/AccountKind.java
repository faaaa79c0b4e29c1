package com.cloudpbx.core.identity;

/** A person's account: a tenant admin or a platform superadmin. */
public enum AccountKind {
    ADMIN,
    SUPERADMIN
}
