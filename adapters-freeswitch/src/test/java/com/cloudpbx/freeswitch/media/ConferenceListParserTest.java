package com.cloudpbx.freeswitch.media;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudpbx.core.calls.ConferenceSnapshot;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class ConferenceListParserTest {

    static final String ROOM = "t6f1c2a8e0b7d4e5f9a3c1d2e3f4a5b6c-sales";
    static final Instant NOW = Instant.parse("2024-05-02T10:00:00Z");
    static final String A = "a1b2c3d4-0000-4000-8000-00000000000a";
    static final String B = "a1b2c3d4-0000-4000-8000-00000000000b";

    private final ConferenceListParser parser = new ConferenceListParser(new ObjectMapper());

    static String member(int id, String uuid, String number, String name, boolean canSpeak) {
        return """
                {"type":"caller","id":%d,"flags":{"can_hear":true,"can_see":true,"can_speak":%s,"hold":false,\
                "mute_detect":false,"talking":false,"has_video":false,"video_bridge":false,"has_floor":%s,\
                "is_moderator":false,"end_conference":false,"is_ghost":false},"uuid":"%s",\
                "caller_id_name":"%s","caller_id_number":"%s","join_time":42,"last_talking":3,\
                "energy":100,"volume_in":0,"volume_out":0,"output-volume":0,"input-volume":0}"""
                .formatted(id, canSpeak, id == 1, uuid, name, number);
    }

    static String room(boolean locked, String members) {
        return """
                [{"conference_name":"%s","member_count":2,"ghost_count":0,"rate":8000,"run_time":120,\
                "conference_uuid":"0c6b1f7e-3d52-4a55-8f5f-7a1c2f4d9e11","machine_name":"fs1.internal",\
                "locked":%s,"destruct":false,"wait_mod":false,"audio_always":false,"running":true,\
                "answered":true,"enforce_min":true,"bridge_to":false,"dynamic":true,"exit_sound":true,\
                "enter_sound":true,"recording":false,"video_bridge":false,"video_floor_only":false,\
                "video_rfc4579":false,"variables":{},"members":[%s]}]""".formatted(ROOM, locked, members);
    }

    @Test
    void aRoomBecomesASnapshotWithItsMembersInOrder() {
        String reply = room(false, member(1, A, "1001", "Alice Smith", true) + "," + member(2, B, "+14155550100", "", false));

        assertThat(parser.parse(reply, NOW)).containsExactly(new ConferenceSnapshot(ROOM, false,
                Instant.parse("2024-05-02T09:58:00Z"), java.util.List.of(
                        new ConferenceSnapshot.Member("1", UUID.fromString(A), "1001", "Alice Smith", false),
                        new ConferenceSnapshot.Member("2", UUID.fromString(B), "+14155550100", null, true))));
    }

    @Test
    void aLockedRoomIsLocked() {
        assertThat(parser.parse(room(true, member(1, A, "1001", "Alice", true)), NOW).getFirst().locked()).isTrue();
    }

    @Test
    void membersWithoutAChannelAreLeftOut() {
        String recording = "{\"type\":\"recording_node\",\"record_path\":\"/tmp/sales.wav\",\"join_time\":5}";

        assertThat(parser.parse(room(false, member(1, A, "1001", "Alice", true) + "," + recording), NOW).getFirst()
                .members()).extracting(ConferenceSnapshot.Member::memberId).containsExactly("1");
    }

    @Test
    void anUnknownRoomIsNoRoom() {
        assertThat(parser.parse("-ERR Conference " + ROOM + " not found\n", NOW)).isEmpty();
        assertThat(parser.parse("No active conferences.\n", NOW)).isEmpty();
    }

    @Test
    void noRoomsIsAnEmptyArray() {
        assertThat(parser.parse("[]", NOW)).isEmpty();
    }
}
