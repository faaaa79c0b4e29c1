package com.cloudpbx.freeswitch.esl;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Where one media server's Event Socket listens and its password.
 *
 * <p>{@link #parseAll(String)} reads {@code VOIP_FREESWITCH_HOSTS}: comma-separated
 * {@code host[:port[:password]]}, port 8021 and password ClueCon when left out (an IPv6 host is
 * written in brackets: {@code [::1]:8021:secret}). The password is everything after the second colon,
 * so it may itself contain colons. Errors name the host, never the text of an entry: it may hold the
 * password.
 */
public record EslConnection(String host, int port, String password) {

    public static final String VARIABLE = "VOIP_FREESWITCH_HOSTS";
    public static final int DEFAULT_PORT = 8021;
    /** The password FreeSWITCH ships with; anyone who can reach the port can take over the switch. */
    public static final String FACTORY_PASSWORD = "ClueCon";

    public EslConnection {
        if (host == null || host.isBlank()) {
            throw new IllegalArgumentException(VARIABLE + ": a media server has no host");
        }
        if (port < 1 || port > 65535) {
            throw new IllegalArgumentException(VARIABLE + ": port of " + host + " must be 1-65535, not " + port);
        }
        if (password == null || password.isEmpty()) {
            throw new IllegalArgumentException(VARIABLE + ": password of " + host + " is empty");
        }
        // The password is sent as "auth <password>\n\n": a line break would end the command early.
        if (password.indexOf('\n') >= 0 || password.indexOf('\r') >= 0) {
            throw new IllegalArgumentException(VARIABLE + ": password of " + host + " contains a line break");
        }
    }

    public static List<EslConnection> parseAll(String hosts) {
        if (hosts == null || hosts.isBlank()) {
            return List.of();
        }
        List<EslConnection> result = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String entry : hosts.split(",")) {
            String trimmed = entry.strip();
            if (trimmed.isEmpty()) {
                continue;
            }
            EslConnection connection = parse(trimmed);
            if (!seen.add(connection.address())) {
                throw new IllegalArgumentException(VARIABLE + " lists " + connection.address() + " twice");
            }
            result.add(connection);
        }
        return List.copyOf(result);
    }

    /** One {@code host[:port[:password]]} entry. */
    public static EslConnection parse(String entry) {
        String host;
        String rest;
        if (entry.startsWith("[")) {
            int close = entry.indexOf(']');
            if (close < 0) {
                throw new IllegalArgumentException(VARIABLE + ": an entry opens '[' for an IPv6 host and does not"
                        + " close it; write [host]:port:password");
            }
            host = entry.substring(1, close);
            rest = entry.substring(close + 1);
            if (!rest.isEmpty() && !rest.startsWith(":")) {
                throw new IllegalArgumentException(VARIABLE + ": expected ':' after [" + host + "]");
            }
            rest = rest.isEmpty() ? "" : rest.substring(1);
        } else {
            int colon = entry.indexOf(':');
            host = colon < 0 ? entry : entry.substring(0, colon);
            rest = colon < 0 ? "" : entry.substring(colon + 1);
        }
        int colon = rest.indexOf(':');
        String port = colon < 0 ? rest : rest.substring(0, colon);
        String password = colon < 0 ? "" : rest.substring(colon + 1);
        return new EslConnection(host.strip(), port(port.strip(), host), password.isEmpty() ? FACTORY_PASSWORD : password);
    }

    /** True when the switch still uses the password it ships with: the app should warn loudly. */
    public boolean factoryPassword() {
        return FACTORY_PASSWORD.equals(password);
    }

    /** host:port, for logs and errors (never the password). */
    public String address() {
        return host.indexOf(':') >= 0 ? "[" + host + "]:" + port : host + ":" + port;
    }

    @Override
    public String toString() {
        return "EslConnection[" + address() + "]";
    }

    private static int port(String text, String host) {
        if (text.isEmpty()) {
            return DEFAULT_PORT;
        }
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            // Not echoed: with the port left out ("host:password") the text is the password.
            throw new IllegalArgumentException(VARIABLE + ": port of " + host
                    + " is not a number; write host:port:password, the password last");
        }
    }
}
