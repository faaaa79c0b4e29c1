package com.cloudpbx.freeswitch.media.bench;

import com.cloudpbx.freeswitch.esl.EslWire;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * The plain event frames FreeSWITCH sends for one complete, answered two-leg call: an extension
 * (leg A, the call's first leg) dials a number through the tenant's trunk (leg B). Each event
 * carries the channel data of the realistic CHANNEL_HANGUP_COMPLETE fixture (about 200 headers,
 * URL-encoded) plus our {@code voip_*} variables, minus what the switch only knows later in the
 * call (hangup causes, billing, RTP statistics).
 *
 * <p>Frames are rendered once into byte templates with fixed-width slots (leg uuids, event time,
 * sequence number, extension), so producing the next call's frames is a copy and a few overwrites:
 * the fake switch must stay cheaper than the client it feeds.
 */
public final class CallFrames {

    /** The events of one call, in the order the switch sends them. */
    public enum Event {
        CREATE_A, CREATE_B, PROGRESS_B, ANSWER_B, ANSWER_A, BRIDGE, HANGUP_B, UNBRIDGE, HANGUP_A, HANGUP_COMPLETE_B,
        HANGUP_COMPLETE_A
    }

    // Placeholders, each exactly as wide as what replaces it and made of characters URL encoding keeps.
    private static final String A_UUID = "aaaaaaaa-aaaa-4aaa-8aaa-aaaaaaaaaaaa";
    private static final String B_UUID = "bbbbbbbb-bbbb-4bbb-8bbb-bbbbbbbbbbbb";
    private static final String MICROS = "tttttttttttttttt";
    private static final String SEQUENCE = "ssssssssss";
    private static final String EXTENSION = "xxxx";
    private static final byte SLOT_A = 0;
    private static final byte SLOT_B = 1;
    private static final byte SLOT_MICROS = 2;
    private static final byte SLOT_SEQUENCE = 3;
    private static final byte SLOT_EXTENSION = 4;
    private static final String[] SLOTS = {A_UUID, B_UUID, MICROS, SEQUENCE, EXTENSION};

    /** Sequence numbers stay this wide: FreeSWITCH starts low, but the width must not change. */
    public static final long FIRST_SEQUENCE = 1_000_000_000L;

    // The fixture's two legs, replaced by the slots.
    private static final String FIXTURE_A = "6f1c2a9e-3b7d-4c1e-9a55-0c2f8e7d4b13";
    private static final String FIXTURE_B = "a83b0d12-5e44-4f0a-b1c7-2d9e6f3a8c05";
    private static final String DESTINATION = "+14155550123";

    /** Only known once the channel is hanging up. */
    private static final List<String> HANGUP_ONLY = List.of("Hangup-Cause", "variable_hangup_cause",
            "variable_hangup_cause_q850", "variable_sip_hangup_phrase", "variable_last_bridge_hangup_cause",
            "variable_last_bridge_proto_specific_hangup_cause", "variable_bridge_hangup_cause", "variable_end_",
            "variable_duration", "variable_billsec", "variable_progresssec", "variable_answersec", "variable_waitsec",
            "variable_progress_mediasec", "variable_flow_billsec", "variable_mduration", "variable_billmsec",
            "variable_progressmsec", "variable_answermsec", "variable_waitmsec", "variable_progress_mediamsec",
            "variable_flow_billmsec", "variable_uduration", "variable_rtp_audio_", "variable_record_seconds",
            "variable_record_ms", "variable_record_samples", "variable_last_app", "variable_last_arg");
    /** Only known once the channel was answered and bridged. */
    private static final List<String> ANSWER_ONLY = List.of("variable_answer_", "variable_bridge_",
            "variable_endpoint_disposition", "variable_originated_legs", "variable_originate_causes",
            "variable_rtp_", "variable_remote_media_", "variable_switch_r_sdp", "variable_current_application",
            "variable_record_path", "Other-");

    private final List<Template> templates;

    /**
     * @param tenant          the tenant every leg belongs to ({@code voip_tenant})
     * @param durationSeconds the A leg's {@code variable_duration} at hangup
     * @param billsec         both legs' billed seconds at hangup
     */
    public CallFrames(UUID tenant, long durationSeconds, long billsec) {
        Map<String, String> a = callerLeg(fixture(), tenant);
        Map<String, String> b = calleeLeg(a);
        List<Template> built = new ArrayList<>();
        for (Event event : Event.values()) {
            built.add(Template.of(frame(event, a, b, durationSeconds, billsec)));
        }
        this.templates = List.copyOf(built);
    }

    /** The frame's size in bytes; every call's frame of an event is the same size. */
    public int size(Event event) {
        return templates.get(event.ordinal()).bytes.length;
    }

    /** How many headers the event carries. */
    public int headers(Event event) {
        return templates.get(event.ordinal()).headers;
    }

    /**
     * Writes the event's frame for one call into {@code out} at {@code offset}.
     *
     * @param a         leg A's uuid, 36 ASCII bytes (also the call's uuid)
     * @param b         leg B's uuid, 36 ASCII bytes
     * @param extension the calling extension, 1000-9999
     * @param micros    the event's time, microseconds since the epoch
     * @param sequence  the switch's event sequence number, at least {@link #FIRST_SEQUENCE}
     * @return the offset after the frame
     */
    public int render(Event event, byte[] a, byte[] b, int extension, long micros, long sequence, byte[] out,
                      int offset) {
        Template template = templates.get(event.ordinal());
        System.arraycopy(template.bytes, 0, out, offset, template.bytes.length);
        for (int i = 0; i < template.offsets.length; i++) {
            int at = offset + template.offsets[i];
            switch (template.kinds[i]) {
                case SLOT_A -> System.arraycopy(a, 0, out, at, a.length);
                case SLOT_B -> System.arraycopy(b, 0, out, at, b.length);
                case SLOT_MICROS -> digits(micros, MICROS.length(), out, at);
                case SLOT_SEQUENCE -> digits(sequence, SEQUENCE.length(), out, at);
                default -> digits(extension, EXTENSION.length(), out, at);
            }
        }
        return offset + template.bytes.length;
    }

    private static void digits(long value, int width, byte[] out, int at) {
        long rest = value;
        for (int i = width - 1; i >= 0; i--) {
            out[at + i] = (byte) ('0' + rest % 10);
            rest /= 10;
        }
        if (rest != 0) {
            throw new IllegalArgumentException(value + " is wider than " + width + " digits");
        }
    }

    private static Map<String, String> frame(Event event, Map<String, String> a, Map<String, String> b,
                                             long durationSeconds, long billsec) {
        return switch (event) {
            case CREATE_A -> created(a);
            case CREATE_B -> created(b);
            case PROGRESS_B -> state(b, "CHANNEL_PROGRESS", "switch_channel_perform_mark_ring_ready", "CS_CONSUME_MEDIA",
                    "RINGING", "early", false);
            case ANSWER_B -> state(b, "CHANNEL_ANSWER", "switch_channel_perform_mark_answered", "CS_CONSUME_MEDIA",
                    "ACTIVE", "answered", true);
            case ANSWER_A -> state(a, "CHANNEL_ANSWER", "switch_channel_perform_mark_answered", "CS_EXECUTE",
                    "ACTIVE", "answered", true);
            case BRIDGE -> bridge(a, "CHANNEL_BRIDGE", "switch_core_session_perform_receive_message");
            case HANGUP_B -> hangup(b, "CHANNEL_HANGUP", "CS_HANGUP", durationSeconds, billsec);
            case UNBRIDGE -> bridge(a, "CHANNEL_UNBRIDGE", "switch_ivr_multi_threaded_bridge");
            case HANGUP_A -> hangup(a, "CHANNEL_HANGUP", "CS_HANGUP", durationSeconds, billsec);
            case HANGUP_COMPLETE_B -> hangup(b, "CHANNEL_HANGUP_COMPLETE", "CS_REPORTING", durationSeconds, billsec);
            case HANGUP_COMPLETE_A -> hangup(a, "CHANNEL_HANGUP_COMPLETE", "CS_REPORTING", durationSeconds, billsec);
        };
    }

    private static Map<String, String> created(Map<String, String> leg) {
        Map<String, String> headers = common(leg, "CHANNEL_CREATE", "switch_core_session_request_uuid");
        without(headers, HANGUP_ONLY);
        without(headers, ANSWER_ONLY);
        headers.put("Channel-State", "CS_INIT");
        headers.put("Channel-Call-State", "DOWN");
        headers.put("Channel-State-Number", "2");
        headers.put("Answer-State", "ringing");
        return headers;
    }

    private static Map<String, String> state(Map<String, String> leg, String name, String function, String state,
                                             String callState, String answerState, boolean answered) {
        Map<String, String> headers = common(leg, name, function);
        without(headers, HANGUP_ONLY);
        if (!answered) {
            without(headers, ANSWER_ONLY);
        }
        headers.put("Channel-State", state);
        headers.put("Channel-Call-State", callState);
        headers.put("Answer-State", answerState);
        return headers;
    }

    /** Fired once, on the bridge's A side, naming both legs. */
    private static Map<String, String> bridge(Map<String, String> a, String name, String function) {
        Map<String, String> headers = common(a, name, function);
        without(headers, HANGUP_ONLY);
        headers.put("Bridge-A-Unique-ID", A_UUID);
        headers.put("Bridge-B-Unique-ID", B_UUID);
        headers.put("Other-Type", "originatee");
        headers.put("Other-Leg-Unique-ID", B_UUID);
        headers.put("variable_bridge_uuid", B_UUID);
        headers.put("variable_signal_bond", B_UUID);
        return headers;
    }

    private static Map<String, String> hangup(Map<String, String> leg, String name, String state,
                                              long durationSeconds, long billsec) {
        Map<String, String> headers = common(leg, name, "switch_core_session_reporting_state");
        headers.put("Channel-State", state);
        headers.put("Channel-Call-State", "HANGUP");
        headers.put("Answer-State", "hangup");
        headers.put("Hangup-Cause", "NORMAL_CLEARING");
        headers.put("variable_duration", Long.toString(durationSeconds));
        headers.put("variable_billsec", Long.toString(billsec));
        headers.put("variable_mduration", Long.toString(durationSeconds * 1000));
        headers.put("variable_billmsec", Long.toString(billsec * 1000));
        return headers;
    }

    private static Map<String, String> common(Map<String, String> leg, String name, String function) {
        Map<String, String> headers = new LinkedHashMap<>(leg);
        headers.put("Event-Name", name);
        headers.put("Event-Calling-Function", function);
        headers.put("Event-Date-Timestamp", MICROS);
        headers.put("Event-Sequence", SEQUENCE);
        return headers;
    }

    private static void without(Map<String, String> headers, List<String> prefixes) {
        headers.keySet().removeIf(name -> prefixes.stream().anyMatch(name::startsWith));
    }

    /** The fixture's caller leg, made ours: our variables, the slots for its identity. */
    private static Map<String, String> callerLeg(Map<String, String> fixture, UUID tenant) {
        Map<String, String> leg = new LinkedHashMap<>();
        fixture.forEach((name, value) -> leg.put(name, value.replace(FIXTURE_A, A_UUID).replace(FIXTURE_B, B_UUID)));
        leg.put("Caller-Caller-ID-Number", EXTENSION);
        leg.put("Caller-Username", EXTENSION);
        leg.put("variable_voip_tenant", tenant.toString());
        leg.put("variable_voip_call_uuid", A_UUID);
        leg.put("variable_voip_direction", "outbound");
        leg.put("variable_voip_extension", EXTENSION);
        leg.put("variable_voip_destination", DESTINATION);
        leg.put("variable_presence_data", "voip:" + tenant + ":" + A_UUID + ":outbound:" + EXTENSION);
        return leg;
    }

    /** The trunk leg the caller's bridge dialled: the same call seen from the other side. */
    private static Map<String, String> calleeLeg(Map<String, String> a) {
        Map<String, String> leg = new LinkedHashMap<>();
        a.forEach((name, value) -> leg.put(name, value.replace(A_UUID, "\0").replace(B_UUID, A_UUID)
                .replace("\0", B_UUID)));
        for (String name : Set.of("Call-Direction", "Presence-Call-Direction", "Caller-Direction", "variable_direction")) {
            leg.put(name, "outbound");
        }
        String channel = "sofia/gateway/carrier-a/" + DESTINATION;
        leg.put("Channel-Name", channel);
        leg.put("Caller-Channel-Name", channel);
        leg.put("variable_channel_name", channel);
        leg.put("Other-Type", "originator");
        leg.put("variable_voip_call_uuid", A_UUID);
        leg.remove("variable_voip_extension");
        leg.put("variable_presence_data", a.get("variable_presence_data").replace(":" + EXTENSION, ":"));
        return leg;
    }

    private static Map<String, String> fixture() {
        String text;
        try (InputStream in = CallFrames.class.getResourceAsStream("/esl/channel-hangup-complete.plain")) {
            text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        for (String line : text.split("\n")) {
            int colon = line.indexOf(": ");
            if (colon > 0) {
                headers.put(line.substring(0, colon), URLDecoder.decode(line.substring(colon + 2), StandardCharsets.UTF_8));
            }
        }
        return headers;
    }

    /** One event's frame bytes and where its slots are. */
    private record Template(byte[] bytes, int[] offsets, byte[] kinds, int headers) {

        static Template of(Map<String, String> headers) {
            byte[] bytes = EslWire.plainEventFrame(headers, null);
            String text = new String(bytes, StandardCharsets.ISO_8859_1);
            List<int[]> slots = new ArrayList<>();
            for (byte kind = 0; kind < SLOTS.length; kind++) {
                for (int at = text.indexOf(SLOTS[kind]); at >= 0; at = text.indexOf(SLOTS[kind], at + 1)) {
                    slots.add(new int[] {at, kind});
                }
            }
            int[] offsets = slots.stream().mapToInt(slot -> slot[0]).toArray();
            byte[] kinds = new byte[slots.size()];
            for (int i = 0; i < kinds.length; i++) {
                kinds[i] = (byte) slots.get(i)[1];
            }
            return new Template(bytes, offsets, kinds, headers.size());
        }
    }
}
