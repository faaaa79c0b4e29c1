package com.cloudpbx.core.threeway;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Renders the machine's whole state × input table by running every pair through it, so the
 * table in docs/three-way-calling.md is produced by the code and checked against it.
 */
final class ThreeWayTable {

    private ThreeWayTable() {
    }

    static String render(ThreeWayMachine machine) {
        StringBuilder table = new StringBuilder();
        table.append("| input \\ state |");
        Map<ThreeWayState.StateName, ThreeWaySession> states = ThreeWayFixtures.everyState();
        states.keySet().forEach(name -> table.append(' ').append(name).append(" |"));
        table.append('\n').append("|---|");
        states.keySet().forEach(name -> table.append("---|"));
        table.append('\n');
        for (Map.Entry<String, ThreeWayInput> input : ThreeWayFixtures.everyInput().entrySet()) {
            table.append("| ").append(input.getKey()).append(" |");
            for (ThreeWaySession session : states.values()) {
                table.append(' ').append(cell(session, machine.apply(session, input.getValue()))).append(" |");
            }
            table.append('\n');
        }
        return table.toString();
    }

    /**
     * The transitions that change the state's name, as a Mermaid state diagram: one arrow per
     * (state, next state), labelled with the inputs that take it.
     */
    static String diagram(ThreeWayMachine machine) {
        java.util.Map<String, java.util.List<String>> arrows = new java.util.LinkedHashMap<>();
        for (ThreeWaySession session : ThreeWayFixtures.everyState().values()) {
            for (Map.Entry<String, ThreeWayInput> input : ThreeWayFixtures.everyInput().entrySet()) {
                if (machine.apply(session, input.getValue()) instanceof ThreeWayTransition.Accepted accepted
                        && accepted.session().state().name() != session.state().name()) {
                    arrows.computeIfAbsent(session.state().name() + " --> " + accepted.session().state().name(),
                            arrow -> new java.util.ArrayList<>()).add(input.getKey().replaceAll(" \\(.*\\)", ""));
                }
            }
        }
        StringBuilder diagram = new StringBuilder("```mermaid\nstateDiagram-v2\n    [*] --> TWO_PARTY\n");
        arrows.forEach((arrow, inputs) -> diagram.append("    ").append(arrow).append(" : ")
                .append(String.join(", ", inputs)).append('\n'));
        diagram.append("    ENDED --> [*]\n```\n");
        return diagram.toString();
    }

    static String cell(ThreeWaySession before, ThreeWayTransition transition) {
        return switch (transition) {
            case ThreeWayTransition.Refused refused -> "*" + refused.code() + "*";
            case ThreeWayTransition.Accepted accepted -> {
                boolean moved = !accepted.session().state().equals(before.state());
                String state = moved ? "→ " + accepted.session().state().name() : "=";
                String commands = accepted.commands().stream().map(c -> command(c, before))
                        .collect(Collectors.joining(", "));
                yield commands.isEmpty() ? state : state + ": " + commands;
            }
        };
    }

    private static String command(ThreeWayCommand command, ThreeWaySession session) {
        return switch (command) {
            case ThreeWayCommand.Hold hold -> (hold.hold() ? "hold " : "unhold ") + leg(hold.leg());
            case ThreeWayCommand.Consult consult -> "ring " + leg(consult.b()) + " for " + leg(consult.moderator());
            case ThreeWayCommand.Join join -> "join " + leg(join.leg());
            case ThreeWayCommand.HoldMember hold -> (hold.hold() ? "hold member " : "unhold member ")
                    + session.legOfMember(hold.memberId()).map(ThreeWayTable::leg).orElse(hold.memberId());
            case ThreeWayCommand.Bridge bridge -> "bridge " + leg(bridge.first()) + "+" + leg(bridge.second());
            case ThreeWayCommand.Hangup hangup -> "hang up " + leg(hangup.leg());
            case ThreeWayCommand.Kick kick -> "kick member " + kick.memberId();
            case ThreeWayCommand.Mute mute -> (mute.mute() ? "mute member " : "unmute member ") + mute.memberId();
        };
    }

    private static String leg(UUID leg) {
        List<UUID> named = List.of(ThreeWayFixtures.M, ThreeWayFixtures.A, ThreeWayFixtures.B, ThreeWayFixtures.C,
                ThreeWayFixtures.D);
        return List.of("M", "A", "B", "C", "D").get(named.indexOf(leg));
    }
}
