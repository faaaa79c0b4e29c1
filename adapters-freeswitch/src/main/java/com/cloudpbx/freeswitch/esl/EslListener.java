package com.cloudpbx.freeswitch.esl;

import com.cloudpbx.freeswitch.esl.codec.EslEvent;

/**
 * Receives what one media server's connection reports, in order, on that client's own event thread
 * (never the socket's thread). A listener that blocks stalls only its own client's events; once its
 * queue is full the client stops reading the socket until the listener catches up.
 */
public interface EslListener {

    void onEvent(EslConnection from, EslEvent event);

    /**
     * The connection is authenticated and subscribed, the first time and after every reconnect.
     * Events missed while disconnected are gone: resynchronise here (e.g. {@code show channels as json}
     * through {@link EslClient#bgapi}). Every event delivered after this call came after it.
     */
    default void onConnected(EslConnection to) {
    }

    /** An authenticated connection was lost; the client is already reconnecting. */
    default void onDisconnected(EslConnection from, EslUnavailable cause) {
    }
}
