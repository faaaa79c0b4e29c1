package com.cloudpbx.freeswitch.media;

import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The only values allowed onto a FreeSWITCH command line. Every value is checked against a strict
 * pattern and refused ({@link IllegalArgumentException}) otherwise: the command line is split on
 * spaces, channel variables on commas and braces, and dialplan text is variable-expanded, so a
 * value that carried any of those could run commands of its own. Caller-id names are the one free
 * text; they are reduced to harmless characters instead of refused.
 */
final class EslValues {

    private static final Pattern EXTENSION = Pattern.compile("^[0-9]{2,8}$");
    private static final Pattern PARK_SLOT = Pattern.compile("^[0-9]{1,8}$");
    private static final Pattern E164 = Pattern.compile("^\\+[1-9][0-9]{6,14}$");
    private static final Pattern CALLER_ID_NUMBER = Pattern.compile("^\\+?[0-9]{1,20}$");
    private static final Pattern DOMAIN = Pattern.compile(
            "^(?=.{1,253}$)[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*$");
    private static final Pattern HOST_PORT = Pattern.compile(
            "^[A-Za-z0-9](?:[A-Za-z0-9.-]{0,251}[A-Za-z0-9])?(?::[0-9]{1,5})?$");
    private static final Pattern ROOM = Pattern.compile("^t[0-9a-f]{32}-[A-Za-z0-9_-]{1,64}$");
    private static final Pattern MEMBER_ID = Pattern.compile("^[0-9]{1,10}$");
    private static final Pattern HANGUP_CAUSE = Pattern.compile("^[A-Z][A-Z0-9_]{0,47}$");
    private static final Pattern NAME_TOKEN = Pattern.compile("^[A-Za-z0-9_-]{1,64}$");
    // Letters, digits and a few marks names use; everything else (quotes, commas, braces,
    // brackets, '$', '^', '|', ':', ';', '\', control characters) is dropped.
    private static final Pattern NOT_NAME_CHARACTER = Pattern.compile("[^\\p{L}\\p{M}\\p{Nd} .@+()_-]");
    private static final Pattern SPACES = Pattern.compile("\\s+");
    private static final int MAX_NAME_LENGTH = 50;

    private EslValues() {
    }

    static String uuid(UUID uuid, String what) {
        if (uuid == null) {
            throw new IllegalArgumentException(what + " is required");
        }
        return uuid.toString();
    }

    static String extension(String value) {
        return require(EXTENSION, value, "extension");
    }

    static String parkSlot(String value) {
        return require(PARK_SLOT, value, "park slot");
    }

    static String e164(String value) {
        return require(E164, value, "E.164 number");
    }

    static String domain(String value) {
        return require(DOMAIN, value, "SIP domain");
    }

    static String hostPort(String value) {
        return require(HOST_PORT, value, "host");
    }

    static String room(String value) {
        return require(ROOM, value, "conference room");
    }

    static String memberId(String value) {
        return require(MEMBER_ID, value, "conference member id");
    }

    static String hangupCause(String value) {
        return require(HANGUP_CAUSE, value, "hangup cause");
    }

    static String nameToken(String value, String what) {
        return require(NAME_TOKEN, value, what);
    }

    static String callerIdNumber(String value) {
        return require(CALLER_ID_NUMBER, value, "caller id number");
    }

    /**
     * A number only shown to someone (a caller id, a dialled number), when it is one: digits with
     * an optional leading {@code +}; empty otherwise, to be left out rather than refused.
     */
    static Optional<String> shownNumber(String value) {
        return value != null && CALLER_ID_NUMBER.matcher(value).matches() ? Optional.of(value) : Optional.empty();
    }

    /**
     * The caller-id name reduced to letters, digits, spaces and {@code . @ + ( ) _ -}, runs of
     * spaces collapsed, at most 50 characters; empty when nothing is left. Quotes are among the
     * dropped characters, so the name can be single-quoted safely when it holds spaces.
     */
    static Optional<String> callerIdName(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String kept = SPACES.matcher(NOT_NAME_CHARACTER.matcher(value.replaceAll("\\s", " ")).replaceAll(""))
                .replaceAll(" ").strip();
        if (kept.length() > MAX_NAME_LENGTH) {
            kept = kept.substring(0, MAX_NAME_LENGTH).strip();
        }
        return kept.isEmpty() ? Optional.empty() : Optional.of(kept);
    }

    private static String require(Pattern pattern, String value, String what) {
        if (value == null || !pattern.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a valid " + what + ": " + printable(value));
        }
        return value;
    }

    // The refused value goes into the message for diagnosis, with control characters made visible.
    private static String printable(String value) {
        if (value == null) {
            return "null";
        }
        String shown = value.length() > 80 ? value.substring(0, 80) + "..." : value;
        return '"' + shown.replaceAll("\\p{Cntrl}", "?") + '"';
    }
}
