package com.cloudpbx.core.extensions;

/** A request to create an extension, as the client sent it; the use case validates it. */
public record NewExtension(String extension, String password, String displayName, Boolean voicemailEnabled,
                           String voicemailPin, Boolean doNotDisturb, Boolean recordingEnabled,
                           Boolean noiseCancellationEnabled, String outboundCallerId) {

    @Override
    public String toString() {
        return "NewExtension[" + extension + "]";
    }
}
