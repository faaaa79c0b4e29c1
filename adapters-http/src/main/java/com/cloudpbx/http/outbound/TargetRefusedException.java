package com.cloudpbx.http.outbound;

import java.io.IOException;

/** A delivery may not connect where its target points: the resolution of the target fails with it. */
public final class TargetRefusedException extends IOException {

    public TargetRefusedException(String message) {
        super(message);
    }
}
