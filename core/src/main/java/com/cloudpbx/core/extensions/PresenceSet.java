package com.cloudpbx.core.extensions;

/** The manual presence an extension now has. */
public record PresenceSet(String extension, ManualPresence status) {
}
