package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.shared.DomainException;
import java.util.Locale;

/**
 * What mod_conference's answer to a room command means. It answers in plain words, never
 * {@code -ERR}, when it has no such room ({@code Conference <room> not found}) or no such member
 * ({@code Non-Existant ID <id>}, its own spelling), so the Event Socket reports success for both;
 * they are refusals all the same, the same ones the simulated switch makes. So is
 * {@code Conference command '<action>' not found.}, its answer to an action it does not have (a
 * build older than member hold, say): the command did nothing.
 */
final class ConferenceReplies {

    private ConferenceReplies() {
    }

    /** Returns the reply when the command did its work; refuses as the switch meant otherwise. */
    static String checked(String reply) {
        String text = reply == null ? "" : reply.strip();
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("conference command ") && lower.endsWith(" not found.")) {
            throw DomainException.badGateway("MEDIA_SERVER_REFUSED",
                    "The media server's conference module does not support this command: " + text);
        }
        if (lower.startsWith("conference ") && lower.endsWith(" not found")) {
            throw DomainException.badRequest("CONFERENCE_NOT_FOUND", "No such conference on the media server");
        }
        if (lower.startsWith("non-existant id") || lower.startsWith("non-existent id")) {
            throw DomainException.badRequest("MEMBER_NOT_FOUND", "The conference has no such member");
        }
        return reply;
    }
}
