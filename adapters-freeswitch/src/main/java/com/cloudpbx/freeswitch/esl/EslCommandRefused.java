package com.cloudpbx.freeswitch.esl;

/** FreeSWITCH ran the command and answered {@code -ERR ...} (or {@code -USAGE: ...}). */
public final class EslCommandRefused extends EslException {

    private final String command;
    private final String reply;

    public EslCommandRefused(String mediaServer, String command, String reply) {
        super(mediaServer, "FreeSWITCH at " + mediaServer + " refused '" + command + "': " + reply);
        this.command = command;
        this.reply = reply;
    }

    public String command() {
        return command;
    }

    /** The answer as FreeSWITCH wrote it, e.g. {@code -ERR NO_ROUTE_DESTINATION}. */
    public String reply() {
        return reply;
    }
}
