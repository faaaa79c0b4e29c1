package com.cloudpbx.freeswitch.esl;

/**
 * A command to a media server that did not succeed. Callers map the subtypes to domain errors:
 * {@link EslCommandRefused} is the switch saying no (a bad gateway for the API), while
 * {@link EslUnavailable} and {@link EslCommandTimeout} mean the switch could not be asked or did not
 * answer (the media server is unavailable).
 */
public abstract sealed class EslException extends RuntimeException
        permits EslCommandRefused, EslUnavailable, EslCommandTimeout {

    private final String mediaServer;

    EslException(String mediaServer, String message) {
        super(message, null, false, false);
        this.mediaServer = mediaServer;
    }

    /** host:port of the media server concerned. */
    public String mediaServer() {
        return mediaServer;
    }
}
