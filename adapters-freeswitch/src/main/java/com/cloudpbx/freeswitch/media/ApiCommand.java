package com.cloudpbx.freeswitch.media;

import java.util.Objects;

/**
 * One FreeSWITCH API command line, e.g. {@code uuid_kill <uuid>}. The ESL client sends it as
 * {@code bgapi <text>} (commands whose outcome arrives as events) or {@code api <text>}
 * (queries whose reply is the answer). The event socket is a line protocol: a line break inside
 * would end the command early and start another one, so none is ever allowed.
 */
public record ApiCommand(String text) {

    public ApiCommand {
        Objects.requireNonNull(text, "text");
        if (text.isBlank() || text.chars().anyMatch(c -> c == '\n' || c == '\r' || c == 0)) {
            throw new IllegalArgumentException("An API command is one non-blank line");
        }
    }

    @Override
    public String toString() {
        return text;
    }
}
