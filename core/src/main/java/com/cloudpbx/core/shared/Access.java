package com.cloudpbx.core.shared;

/** Reading or changing a resource. */
public enum Access {
    READ,
    WRITE
}
