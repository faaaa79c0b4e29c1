package com.cloudpbx.freeswitch.simulated;

import com.cloudpbx.core.calls.EavesdropMode;
import java.util.UUID;

/** A supervisor's leg ({@code spy}) listening in on {@code target}. */
public record EavesdropSession(UUID spy, UUID target, EavesdropMode mode) {

    EavesdropSession withMode(EavesdropMode newMode) {
        return new EavesdropSession(spy, target, newMode);
    }
}
