package com.cloudpbx.freeswitch.media;

import com.cloudpbx.core.calls.LiveChannel;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the reply to {@code show channels as json} ({@code {"row_count":N,"rows":[...]}}, just
 * {@code {"row_count":0}} when there are none; every column a string) into live channels, for
 * resynchronising after a reconnect.
 *
 * <p>The channel list has no channel variables, so our {@code voip_*} variables are not there.
 * The tenant, call, direction and extension come back from the {@link LegTag} every leg we create
 * carries in {@code presence_data}, one of the listed columns; a row without it is not ours and is
 * left out. The rest comes from the columns: {@code uuid}, {@code cid_num}, {@code cid_name},
 * {@code dest}, {@code created_epoch} and {@code callstate} ({@code ACTIVE}, {@code HELD} and
 * {@code UNHELD} mean answered, {@code HELD} on hold). What the list cannot tell (answer time,
 * bridge partner, park slot, conference) is left empty, for events to fill in.
 */
public final class ShowChannelsParser {

    private static final Set<String> ANSWERED = Set.of("ACTIVE", "HELD", "UNHELD");

    private final JsonReply json;

    /** @param mapper reads the reply; its own settings for numbers and trailing text do not matter */
    public ShowChannelsParser(ObjectMapper mapper) {
        this.json = new JsonReply(mapper);
    }

    /** A reply that is not the channel list (an {@code -ERR}, broken JSON) is an {@link IllegalArgumentException}. */
    public List<LiveChannel> parse(String reply) {
        JsonFields table = JsonFields.of(json.read(reply == null ? null : reply.strip()))
                .orElseThrow(() -> new IllegalArgumentException("The channel list is not a JSON object"));
        if (table.number("row_count").isEmpty()) {
            throw new IllegalArgumentException("The channel list has no row_count");
        }
        return table.objects("rows").stream()
                .map(ShowChannelsParser::channel).flatMap(Optional::stream)
                .toList();
    }

    private static Optional<LiveChannel> channel(JsonFields row) {
        Optional<LegTag> tag = LegTag.parse(row.text("presence_data").orElse(null));
        var uuid = row.uuid("uuid");
        Optional<Instant> created = row.number("created_epoch").map(Instant::ofEpochSecond);
        if (tag.isEmpty() || uuid.isEmpty() || created.isEmpty()) {
            return Optional.empty();
        }
        String callState = row.text("callstate").orElse("").toUpperCase(Locale.ROOT);
        LegTag leg = tag.get();
        return Optional.of(new LiveChannel(uuid.get(), leg.callUuid(), leg.tenant(), leg.extension(),
                row.text("cid_num").orElse(null), row.text("cid_name").orElse(null), row.text("dest").orElse(null),
                leg.direction(), ANSWERED.contains(callState), "HELD".equals(callState), created.get(), null, null,
                null, null));
    }
}
