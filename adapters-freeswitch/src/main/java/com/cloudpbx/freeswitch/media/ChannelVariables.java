package com.cloudpbx.freeswitch.media;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A {@code {name=value,...}} block of channel variables in front of a dial string. Values are
 * plain tokens (no comma, brace, bracket, quote, space, '$' or '^', so FreeSWITCH can neither
 * split nor expand them) or, for the caller-id name only, a sanitised text single-quoted because
 * it may hold spaces.
 */
record ChannelVariables(List<String> assignments) {

    private static final Pattern NAME = Pattern.compile("^[a-z][a-z0-9_]{0,63}$");
    private static final Pattern HEADER = Pattern.compile("^[A-Za-z][A-Za-z0-9-]{0,63}$");
    private static final Pattern HEADER_VALUE = Pattern.compile("^[A-Za-z0-9_.@+:;=<>-]{1,200}$");
    private static final Pattern TOKEN = Pattern.compile("^[A-Za-z0-9_.@+:-]{1,200}$");

    ChannelVariables {
        assignments = List.copyOf(assignments);
    }

    static ChannelVariables none() {
        return new ChannelVariables(List.of());
    }

    ChannelVariables with(String name, String token) {
        if (!TOKEN.matcher(token).matches()) {
            throw new IllegalArgumentException("Not a plain channel variable value for " + name);
        }
        return append(name, token);
    }

    /**
     * A SIP header for the outgoing INVITE ({@code sip_h_<Header>}); header and value are fixed
     * by the adapter, never taken from a caller.
     */
    ChannelVariables withSipHeader(String header, String value) {
        if (!HEADER.matcher(header).matches() || !HEADER_VALUE.matcher(value).matches()) {
            throw new IllegalArgumentException("Not a plain SIP header: " + header);
        }
        return new ChannelVariables(concat("sip_h_" + header + "=" + value));
    }

    /** A caller-id name already reduced by {@link EslValues#callerIdName}; quoted when it has spaces. */
    ChannelVariables withName(String name, String sanitisedText) {
        if (sanitisedText.chars().anyMatch(c -> c == '\'' || c == ',' || c == '{' || c == '}' || c == '$')) {
            throw new IllegalArgumentException("Caller-id name was not sanitised");
        }
        return append(name, sanitisedText.contains(" ") ? "'" + sanitisedText + "'" : sanitisedText);
    }

    String render() {
        return assignments.stream().collect(Collectors.joining(",", "{", "}"));
    }

    private ChannelVariables append(String name, String rendered) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a channel variable name: " + name);
        }
        return new ChannelVariables(concat(name + "=" + rendered));
    }

    private List<String> concat(String assignment) {
        List<String> next = new ArrayList<>(assignments);
        next.add(assignment);
        return next;
    }
}
