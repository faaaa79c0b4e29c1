package com.cloudpbx.core.identity;

/** Disabled accounts cannot log in. */
public enum AccountStatus {
    ACTIVE,
    DISABLED
}
