package com.cloudpbx.core.extensions;

import com.cloudpbx.core.shared.Change;

/** A partial update of an extension: absent fields stay as they are. */
public record ExtensionChanges(Change<String> displayName, Change<String> password, Change<Boolean> voicemailEnabled,
                               Change<String> voicemailPin, Change<Boolean> doNotDisturb, Change<String> status,
                               Change<Boolean> recordingEnabled, Change<Boolean> noiseCancellationEnabled,
                               Change<String> outboundCallerId) {

    @Override
    public String toString() {
        return "ExtensionChanges";
    }
}
