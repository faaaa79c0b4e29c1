package com.cloudpbx.core.threeway;

import com.cloudpbx.core.calls.Destination;
import com.cloudpbx.core.shared.TenantId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** The legs and sessions the three-way tests talk about: the moderator M, its party A, the added B. */
final class ThreeWayFixtures {

    static final TenantId TENANT = TenantId.of(UUID.fromString("00000000-0000-0000-0000-0000000000aa"));
    static final UUID M = UUID.fromString("00000000-0000-0000-0000-00000000000d");
    static final UUID A = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID B = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID C = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final UUID D = UUID.fromString("00000000-0000-0000-0000-0000000000dd");
    static final String CONFERENCE = "conf-test";
    static final Destination TARGET = Destination.number("+17865559999", "acme.example.com");
    static final Map<UUID, String> MEMBERS = Map.of(M, "1", A, "2", B, "3");

    private ThreeWayFixtures() {
    }

    static ThreeWaySession session(ThreeWayState state) {
        Map<UUID, String> members = state instanceof ThreeWayState.Merged || state instanceof ThreeWayState.Private
                ? MEMBERS : Map.of();
        return new ThreeWaySession(TENANT, M, state, members, Set.of(), 5);
    }

    static ThreeWaySession twoParty() {
        return session(new ThreeWayState.TwoParty(A));
    }

    static ThreeWaySession consulting() {
        return session(new ThreeWayState.Consulting(A, B));
    }

    static ThreeWaySession consultAnswered() {
        return session(new ThreeWayState.ConsultAnswered(A, B));
    }

    static ThreeWaySession merged() {
        return session(new ThreeWayState.Merged(A, B, CONFERENCE));
    }

    /** Private with A while B waits on hold. */
    static ThreeWaySession privateWithA() {
        return session(new ThreeWayState.Private(A, B, CONFERENCE));
    }

    static ThreeWaySession ended() {
        return session(new ThreeWayState.Ended());
    }

    /** One session in every state, in the order the docs list them. */
    static Map<ThreeWayState.StateName, ThreeWaySession> everyState() {
        Map<ThreeWayState.StateName, ThreeWaySession> states = new LinkedHashMap<>();
        for (ThreeWaySession session : new ThreeWaySession[] {twoParty(), consulting(), consultAnswered(), merged(),
                privateWithA(), ended()}) {
            states.put(session.state().name(), session);
        }
        return states;
    }

    /** One input of every kind, under the name the docs give it. */
    static Map<String, ThreeWayInput> everyInput() {
        Map<String, ThreeWayInput> inputs = new LinkedHashMap<>();
        inputs.put("add-participant (C)", new ThreeWayInput.AddParticipant(C, TARGET));
        inputs.put("merge (M, B)", new ThreeWayInput.Merge(B, CONFERENCE));
        inputs.put("merge-direct (C, releasing D)", new ThreeWayInput.MergeDirect(C, D, java.util.List.of(),
                CONFERENCE));
        inputs.put("merge-direct (C and D)", new ThreeWayInput.MergeDirect(C, null, java.util.List.of(D),
                java.util.List.of(), CONFERENCE));
        inputs.put("swap (keep B, hold A)", new ThreeWayInput.Swap(B, A));
        inputs.put("kick (member 3 = B)", new ThreeWayInput.Kick("3"));
        inputs.put("mute (member 3 = B)", new ThreeWayInput.Mute("3", true));
        inputs.put("hangup (A)", new ThreeWayInput.Hangup(A));
        inputs.put("B answers", new ThreeWayInput.Answered(B));
        inputs.put("B hangs up / fails", new ThreeWayInput.HungUp(B));
        inputs.put("A hangs up", new ThreeWayInput.HungUp(A));
        inputs.put("M hangs up", new ThreeWayInput.HungUp(M));
        inputs.put("member joins (B as 3)", new ThreeWayInput.MemberJoined(B, "3"));
        inputs.put("member leaves (B)", new ThreeWayInput.MemberLeft(B));
        return inputs;
    }
}
