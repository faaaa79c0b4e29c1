package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.ConferenceSnapshot;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads the reply to {@code conference [<room>] json_list}: an array of rooms, each with
 * {@code conference_name}, {@code locked}, {@code run_time} (seconds since it started) and
 * {@code members}, each member with {@code id}, {@code uuid}, {@code caller_id_number},
 * {@code caller_id_name} and a {@code flags} object whose {@code can_speak} is false when muted.
 * Members without a channel (a recording, a file player) are left out.
 *
 * <p>A text reply instead of JSON ({@code -ERR Conference ... not found}, {@code No active
 * conferences.}) means there is no such room: an empty list.
 */
public final class ConferenceListParser {

    private final JsonReply json;

    /** @param mapper reads the reply; its own settings for numbers and trailing text do not matter */
    public ConferenceListParser(ObjectMapper mapper) {
        this.json = new JsonReply(mapper);
    }

    /** {@code now} dates the rooms: each started {@code run_time} seconds before it. */
    public List<ConferenceSnapshot> parse(String reply, Instant now) {
        Objects.requireNonNull(now, "now");
        String text = reply == null ? "" : reply.strip();
        if (!text.startsWith("[") && !text.startsWith("{")) {
            return List.of();
        }
        JsonNode parsed = json.read(text);
        List<JsonFields> rooms = parsed.isArray() ? JsonFields.objectsOf(parsed) : JsonFields.of(parsed).stream().toList();
        return rooms.stream()
                .map(room -> room(room, now)).flatMap(Optional::stream)
                .toList();
    }

    private static Optional<ConferenceSnapshot> room(JsonFields room, Instant now) {
        Optional<String> name = room.text("conference_name");
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Instant startedAt = now.minusSeconds(Math.max(0, room.number("run_time").orElse(0L)));
        List<ConferenceSnapshot.Member> members = room.objects("members").stream()
                .map(ConferenceListParser::member).flatMap(Optional::stream)
                .toList();
        return Optional.of(new ConferenceSnapshot(name.get(), room.flag("locked").orElse(false), startedAt, members));
    }

    private static Optional<ConferenceSnapshot.Member> member(JsonFields member) {
        var uuid = member.uuid("uuid");
        Optional<String> id = member.text("id");
        if (uuid.isEmpty() || id.isEmpty()) {
            return Optional.empty();
        }
        boolean canSpeak = member.child("flags").flatMap(flags -> flags.flag("can_speak")).orElse(true);
        return Optional.of(new ConferenceSnapshot.Member(id.get(), uuid.get(),
                member.text("caller_id_number").orElse(null), member.text("caller_id_name").orElse(null), !canSpeak));
    }
}
