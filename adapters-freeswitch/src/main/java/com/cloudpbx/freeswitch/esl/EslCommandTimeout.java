package com.cloudpbx.freeswitch.esl;

import java.time.Duration;

/** No BACKGROUND_JOB answered the command within its timeout; the command may still run. */
public final class EslCommandTimeout extends EslException {

    private final String command;

    public EslCommandTimeout(String mediaServer, String command, Duration timeout) {
        super(mediaServer, "FreeSWITCH at " + mediaServer + " did not answer '" + command + "' within " + timeout);
        this.command = command;
    }

    public String command() {
        return command;
    }
}
