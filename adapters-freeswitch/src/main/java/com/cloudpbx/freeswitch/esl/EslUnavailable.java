package com.cloudpbx.freeswitch.esl;

/**
 * The command could not be sent or its answer can no longer arrive: there is no authenticated
 * connection (commands fail at once rather than wait for a reconnect), or it dropped meanwhile.
 */
public final class EslUnavailable extends EslException {

    public EslUnavailable(String mediaServer, String reason) {
        super(mediaServer, "FreeSWITCH at " + mediaServer + " is unavailable: " + reason);
    }
}
