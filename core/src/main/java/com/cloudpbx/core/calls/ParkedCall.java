package com.cloudpbx.core.calls;

/** A call waiting in a park slot. */
public record ParkedCall(String slot, LiveChannel channel) {
}
