package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.routing.WaitingCaller;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * Reads mod_callcenter's answer to {@code callcenter_config queue list members <queue>}: a header
 * line naming the columns, one pipe-delimited line per member, then {@code +OK}. Columns are found
 * by name, so a release that adds or reorders them reads the same. A member still "Waiting" or
 * being offered to agents ("Trying") is a caller waiting; "Answered" and "Abandoned" are not.
 */
final class CallcenterMembers {

    private static final Set<String> WAITING = Set.of("Waiting", "Trying");

    private CallcenterMembers() {
    }

    static List<WaitingCaller> waiting(String reply) {
        List<String> lines = reply == null ? List.of() : reply.lines().map(String::strip)
                .filter(line -> !line.isEmpty() && !line.startsWith("+OK")).toList();
        if (lines.isEmpty()) {
            return List.of();
        }
        List<String> header = Arrays.asList(lines.getFirst().split("\\|", -1));
        int number = header.indexOf("cid_number");
        int name = header.indexOf("cid_name");
        int joined = header.indexOf("joined_epoch");
        int state = header.indexOf("state");
        if (number < 0 || joined < 0 || state < 0) {
            throw new IllegalArgumentException("not a member list: " + lines.getFirst());
        }
        List<WaitingCaller> callers = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            String[] columns = line.split("\\|", -1);
            if (columns.length != header.size() || !WAITING.contains(columns[state])) {
                continue;
            }
            callers.add(new WaitingCaller(columns[number], name < 0 ? "" : columns[name],
                    Instant.ofEpochSecond(Long.parseLong(columns[joined].strip()))));
        }
        return callers;
    }
}
