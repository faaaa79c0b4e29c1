package com.cloudpbx.http.outbound;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Answers each lookup with the next scripted answer (the last one again once they run out), and
 * counts the lookups: a name server an attacker controls, answering differently each time.
 */
final class ScriptedLookup implements HostLookup {

    private final List<List<InetAddress>> answers;
    private final AtomicInteger calls = new AtomicInteger();

    private ScriptedLookup(List<List<InetAddress>> answers) {
        this.answers = answers;
    }

    /** Every lookup answers these addresses. */
    static ScriptedLookup always(String... addresses) {
        return new ScriptedLookup(List.of(parse(addresses)));
    }

    /** The first lookup answers the first address, the second the second, and so on. */
    static ScriptedLookup inTurn(String... addresses) {
        List<List<InetAddress>> answers = new ArrayList<>();
        for (String address : addresses) {
            answers.add(parse(address));
        }
        return new ScriptedLookup(answers);
    }

    @Override
    public List<InetAddress> lookup(String host) {
        int call = calls.getAndIncrement();
        return answers.get(Math.min(call, answers.size() - 1));
    }

    int calls() {
        return calls.get();
    }

    private static List<InetAddress> parse(String... literals) {
        return Arrays.stream(literals).map(ScriptedLookup::literal).toList();
    }

    private static InetAddress literal(String literal) {
        try {
            // a literal is parsed, never looked up
            return InetAddress.getByName(literal);
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException(literal, e);
        }
    }
}
