package com.cloudpbx.freeswitch.media;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits a command line the way FreeSWITCH's {@code switch_separate_string} does: on spaces,
 * except inside a pair of single quotes, with a backslash escaping the next character. Lets a test
 * see how many arguments FreeSWITCH would find.
 */
record CommandLine(List<String> arguments) {

    static CommandLine split(String line) {
        List<String> arguments = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if (c == '\\' && i + 1 < line.length()) {
                current.append(line.charAt(++i));
            } else if (c == '\'' && (quoted || line.indexOf('\'', i + 1) >= 0)) {
                quoted = !quoted;
            } else if (c == ' ' && !quoted) {
                if (!current.isEmpty()) {
                    arguments.add(current.toString());
                    current.setLength(0);
                }
            } else {
                current.append(c);
            }
        }
        if (!current.isEmpty()) {
            arguments.add(current.toString());
        }
        return new CommandLine(List.copyOf(arguments));
    }

    /** The {@code name=value} assignments of the {@code {...}} block the argument starts with. */
    static List<String> variables(String argument) {
        int end = argument.indexOf('}');
        if (!argument.startsWith("{") || end < 0) {
            return List.of();
        }
        return List.of(argument.substring(1, end).split(","));
    }
}
