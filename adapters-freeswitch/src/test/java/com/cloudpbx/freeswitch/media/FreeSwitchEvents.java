package com.cloudpbx.freeswitch.media;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * ESL events as FreeSWITCH sends them (header names and value formats of a 1.10 switch,
 * URL-decoded), for the legs of one tenant. Each builder starts from the channel data every
 * channel event carries and adds what its event adds.
 */
record FreeSwitchEvents(UUID tenant, String sipDomain) {

    static final Instant START = Instant.parse("2024-05-02T09:15:30.123456Z");

    /** A leg's identity: its uuid, its call, and what our commands set on it. */
    record Leg(UUID uuid, UUID callUuid, String direction, String extension, String destination, String cidNumber,
               String cidName, String callDirection) {
    }

    Map<String, String> event(String name, Leg leg, long micros) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Event-Name", name);
        headers.put("Core-UUID", "2130a7d1-c1f7-44cd-8fae-8ed5946f3cec");
        headers.put("FreeSWITCH-Hostname", "fs1.internal");
        headers.put("FreeSWITCH-Switchname", "fs1.internal");
        headers.put("FreeSWITCH-IPv4", "10.0.0.5");
        headers.put("Event-Date-Local", "2024-05-02 09:15:30");
        headers.put("Event-Date-GMT", "Thu, 02 May 2024 09:15:30 GMT");
        headers.put("Event-Date-Timestamp", Long.toString(micros(START) + micros));
        headers.put("Event-Calling-File", "switch_channel.c");
        headers.put("Event-Calling-Function", "switch_channel_perform_mark_answered");
        headers.put("Event-Calling-Line-Number", "3991");
        headers.put("Event-Sequence", "4711");
        headers.put("Channel-State", "CS_EXECUTE");
        headers.put("Channel-Call-State", "ACTIVE");
        headers.put("Channel-State-Number", "4");
        headers.put("Channel-Name", "sofia/internal/" + leg.extension() + "@" + sipDomain);
        headers.put("Unique-ID", leg.uuid().toString());
        headers.put("Call-Direction", leg.callDirection());
        headers.put("Presence-Call-Direction", leg.callDirection());
        headers.put("Channel-HIT-Dialplan", "false");
        headers.put("Channel-Presence-ID", leg.extension() + "@" + sipDomain);
        headers.put("Channel-Call-UUID", leg.callUuid().toString());
        headers.put("Answer-State", "ringing");
        headers.put("Caller-Direction", leg.callDirection());
        headers.put("Caller-Logical-Direction", leg.callDirection());
        headers.put("Caller-Username", leg.extension());
        headers.put("Caller-Dialplan", "XML");
        headers.put("Caller-Caller-ID-Name", leg.cidName());
        headers.put("Caller-Caller-ID-Number", leg.cidNumber());
        headers.put("Caller-Orig-Caller-ID-Name", leg.cidName());
        headers.put("Caller-Orig-Caller-ID-Number", leg.cidNumber());
        headers.put("Caller-Callee-ID-Name", "Outbound Call");
        headers.put("Caller-Callee-ID-Number", leg.destination());
        headers.put("Caller-Network-Addr", "10.0.0.17");
        headers.put("Caller-ANI", leg.cidNumber());
        headers.put("Caller-Destination-Number", leg.destination());
        headers.put("Caller-Unique-ID", leg.uuid().toString());
        headers.put("Caller-Source", "src/switch_ivr_originate.c");
        headers.put("Caller-Context", "default");
        headers.put("Caller-Channel-Name", "sofia/internal/" + leg.extension() + "@" + sipDomain);
        headers.put("Caller-Profile-Index", "1");
        headers.put("Caller-Profile-Created-Time", Long.toString(micros(START)));
        headers.put("Caller-Channel-Created-Time", Long.toString(micros(START)));
        headers.put("Caller-Channel-Answered-Time", "0");
        headers.put("Caller-Channel-Hangup-Time", "0");
        headers.put("Caller-Screen-Bit", "true");
        headers.put("Caller-Privacy-Hide-Name", "false");
        headers.put("Caller-Privacy-Hide-Number", "false");
        headers.put("variable_direction", leg.callDirection());
        headers.put("variable_uuid", leg.uuid().toString());
        headers.put("variable_session_id", "17");
        headers.put("variable_sip_profile_name", "internal");
        headers.put("variable_text_media_flow", "disabled");
        headers.put("variable_channel_name", "sofia/internal/" + leg.extension() + "@" + sipDomain);
        headers.put("variable_voip_tenant", tenant.toString());
        headers.put("variable_voip_call_uuid", leg.callUuid().toString());
        headers.put("variable_voip_direction", leg.direction());
        if (leg.extension() != null) {
            headers.put("variable_voip_extension", leg.extension());
            headers.put("variable_dialed_user", leg.extension());
            headers.put("variable_dialed_domain", sipDomain);
        }
        headers.put("variable_voip_destination", leg.destination());
        headers.put("variable_presence_data", "voip:" + tenant + ":" + leg.callUuid() + ":" + leg.direction() + ":"
                + (leg.extension() == null ? "" : leg.extension()));
        headers.put("variable_ignore_early_media", "true");
        headers.put("variable_originate_timeout", "30");
        return headers;
    }

    Map<String, String> create(Leg leg, long micros) {
        Map<String, String> headers = event("CHANNEL_CREATE", leg, micros);
        headers.put("Event-Calling-Function", "switch_core_session_request_uuid");
        headers.put("Channel-State", "CS_INIT");
        headers.put("Channel-Call-State", "DOWN");
        headers.put("Channel-State-Number", "2");
        return headers;
    }

    Map<String, String> progress(Leg leg, long micros) {
        Map<String, String> headers = event("CHANNEL_PROGRESS", leg, micros);
        headers.put("Channel-Call-State", "RINGING");
        headers.put("variable_sip_invite_failure_status", "_undef_");
        return headers;
    }

    Map<String, String> answer(Leg leg, long micros) {
        Map<String, String> headers = event("CHANNEL_ANSWER", leg, micros);
        headers.put("Answer-State", "answered");
        headers.put("Caller-Channel-Answered-Time", Long.toString(micros(START) + micros));
        return headers;
    }

    /** Fired once, on the bridge's A side, naming both legs. */
    Map<String, String> bridge(String name, Leg a, Leg b, long micros) {
        Map<String, String> headers = event(name, a, micros);
        headers.put("Answer-State", "answered");
        headers.put("Bridge-A-Unique-ID", a.uuid().toString());
        headers.put("Bridge-B-Unique-ID", b.uuid().toString());
        headers.put("Other-Type", "originatee");
        headers.put("Other-Leg-Unique-ID", b.uuid().toString());
        headers.put("Other-Leg-Caller-ID-Number", b.cidNumber());
        headers.put("Other-Leg-Destination-Number", b.destination());
        headers.put("variable_bridge_uuid", b.uuid().toString());
        headers.put("variable_signal_bond", b.uuid().toString());
        return headers;
    }

    Map<String, String> hangupComplete(Leg leg, String cause, long duration, long billsec, long micros) {
        Map<String, String> headers = event("CHANNEL_HANGUP_COMPLETE", leg, micros);
        headers.put("Channel-State", "CS_REPORTING");
        headers.put("Channel-Call-State", "HANGUP");
        headers.put("Answer-State", "hangup");
        headers.put("Hangup-Cause", cause);
        headers.put("variable_hangup_cause", cause);
        headers.put("variable_hangup_cause_q850", "16");
        headers.put("variable_duration", Long.toString(duration));
        headers.put("variable_billsec", Long.toString(billsec));
        headers.put("variable_progresssec", "0");
        headers.put("variable_answersec", "2");
        headers.put("variable_mduration", Long.toString(duration * 1000 + 412));
        headers.put("variable_billmsec", Long.toString(billsec * 1000 + 208));
        headers.put("variable_sip_term_status", "200");
        return headers;
    }

    Map<String, String> dtmf(Leg leg, String digit, long micros) {
        Map<String, String> headers = event("DTMF", leg, micros);
        headers.put("DTMF-Digit", digit);
        headers.put("DTMF-Duration", "2000");
        headers.put("DTMF-Source", "RTP");
        return headers;
    }

    Map<String, String> valet(String action, Leg leg, String lot, String slot, long micros) {
        Map<String, String> headers = event("CUSTOM", leg, micros);
        headers.put("Event-Subclass", "valet_parking::info");
        headers.put("Event-Calling-File", "mod_valet_parking.c");
        headers.put("Valet-Lot-Name", lot);
        headers.put("Valet-Extension", slot);
        headers.put("Action", action);
        return headers;
    }

    /** Members are reported with basic channel data only: no channel variables. */
    Map<String, String> conference(String action, Leg leg, String room, String memberId, long micros) {
        Map<String, String> headers = event("CUSTOM", leg, micros);
        headers.keySet().removeIf(name -> name.startsWith("variable_"));
        headers.put("Event-Subclass", "conference::maintenance");
        headers.put("Event-Calling-File", "conference_member.c");
        headers.put("Conference-Name", room);
        headers.put("Conference-Domain", sipDomain);
        headers.put("Conference-Size", "2");
        headers.put("Conference-Ghosts", "0");
        headers.put("Conference-Profile-Name", "default");
        headers.put("Conference-Unique-ID", "0c6b1f7e-3d52-4a55-8f5f-7a1c2f4d9e11");
        headers.put("Floor", "false");
        headers.put("Video", "false");
        headers.put("Hear", "true");
        headers.put("See", "true");
        headers.put("Speak", "true");
        headers.put("Talking", "false");
        headers.put("Mute-Detect", "false");
        headers.put("Member-ID", memberId);
        headers.put("Member-Type", "member");
        headers.put("Member-Ghost", "false");
        headers.put("Energy-Level", "100");
        headers.put("Current-Energy", "0");
        headers.put("Action", action);
        return headers;
    }

    /** Room-wide actions (lock, unlock) carry the conference's data only: no channel, no member. */
    Map<String, String> room(String action, String room, long micros) {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Event-Name", "CUSTOM");
        headers.put("Core-UUID", "2130a7d1-c1f7-44cd-8fae-8ed5946f3cec");
        headers.put("FreeSWITCH-Hostname", "fs1.internal");
        headers.put("Event-Date-Timestamp", Long.toString(micros(START) + micros));
        headers.put("Event-Calling-File", "conference_api.c");
        headers.put("Event-Sequence", "4712");
        headers.put("Event-Subclass", "conference::maintenance");
        headers.put("Conference-Name", room);
        headers.put("Conference-Domain", sipDomain);
        headers.put("Conference-Size", "1");
        headers.put("Conference-Ghosts", "0");
        headers.put("Conference-Profile-Name", "default");
        headers.put("Conference-Unique-ID", "0c6b1f7e-3d52-4a55-8f5f-7a1c2f4d9e11");
        headers.put("Action", action);
        return headers;
    }

    static long micros(Instant instant) {
        return instant.getEpochSecond() * 1_000_000 + instant.getNano() / 1_000;
    }
}
