package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.freeswitch.esl.EslCommandRefused;
import com.cloudpbx.freeswitch.esl.EslCommandTimeout;
import com.cloudpbx.freeswitch.esl.EslException;
import com.cloudpbx.freeswitch.esl.EslUnavailable;
import java.util.Locale;

/**
 * What a failed command means to the API. Messages name the command's verb and the switch's own
 * answer but never the command line: it carries caller data, and the switch's address and password
 * are nobody's business outside the operator.
 */
final class CommandFailures {

    private static final int MAX_REPLY = 200;

    private CommandFailures() {
    }

    static DomainException of(ApiCommand command, EslException failure) {
        return switch (failure) {
            case EslCommandRefused refused when noSuchChannel(refused.reply()) ->
                    DomainException.badRequest("CALL_NOT_FOUND", "The call is no longer on the media server");
            case EslCommandRefused refused -> DomainException.badGateway("MEDIA_SERVER_REFUSED",
                    "The media server refused " + verb(command) + ": " + shortened(refused.reply()));
            case EslUnavailable unavailable -> unavailable(verb(command) + " could not be sent");
            case EslCommandTimeout timeout -> unavailable("the media server did not answer " + verb(command) + " in time");
        };
    }

    static DomainException unavailable(String why) {
        return DomainException.unavailable("MEDIA_SERVER_UNAVAILABLE", "The media server is unavailable: " + why);
    }

    /** FreeSWITCH's uuid_* commands answer {@code -ERR No such channel!} for a uuid it does not have. */
    private static boolean noSuchChannel(String reply) {
        return reply != null && reply.toLowerCase(Locale.ROOT).contains("no such channel");
    }

    private static String verb(ApiCommand command) {
        String text = command.text();
        int space = text.indexOf(' ');
        return space < 0 ? text : text.substring(0, space);
    }

    private static String shortened(String reply) {
        String text = reply == null ? "" : reply.strip();
        return text.length() <= MAX_REPLY ? text : text.substring(0, MAX_REPLY) + "...";
    }
}
