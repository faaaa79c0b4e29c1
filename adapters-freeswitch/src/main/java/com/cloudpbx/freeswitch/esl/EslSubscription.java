package com.cloudpbx.freeswitch.esl;

import java.util.List;

/**
 * The one {@code event plain ...} command sent after auth. CUSTOM comes last because
 * mod_event_socket reads every word after it as a CUSTOM subclass.
 *
 * @param events     event names
 * @param subclasses CUSTOM subclasses; CUSTOM is subscribed only when there are some
 */
public record EslSubscription(List<String> events, List<String> subclasses) {

    /** What the domain follows: call legs, background jobs, recordings, DTMF, liveness, and the
     *  conference, valet parking and voicemail modules. */
    public static final EslSubscription DOMAIN = new EslSubscription(
            List.of("CHANNEL_CREATE", "CHANNEL_PROGRESS", "CHANNEL_PROGRESS_MEDIA", "CHANNEL_ANSWER",
                    "CHANNEL_BRIDGE", "CHANNEL_UNBRIDGE", "CHANNEL_HOLD", "CHANNEL_UNHOLD", "CHANNEL_PARK",
                    "CHANNEL_UNPARK", "CHANNEL_HANGUP", "CHANNEL_HANGUP_COMPLETE", "BACKGROUND_JOB",
                    "RECORD_START", "RECORD_STOP", "DTMF", "HEARTBEAT"),
            List.of("conference::maintenance", "valet_parking::info", "vm::maintenance"));

    public EslSubscription {
        events = List.copyOf(events);
        subclasses = List.copyOf(subclasses);
        if (events.contains("CUSTOM")) {
            throw new IllegalArgumentException("Name CUSTOM subclasses instead of the CUSTOM event");
        }
    }

    /** The wire command, terminated by the blank line. */
    public String command() {
        StringBuilder command = new StringBuilder("event plain");
        events.forEach(event -> command.append(' ').append(event));
        if (!subclasses.isEmpty()) {
            command.append(" CUSTOM");
            subclasses.forEach(subclass -> command.append(' ').append(subclass));
        }
        return command.append("\n\n").toString();
    }
}
