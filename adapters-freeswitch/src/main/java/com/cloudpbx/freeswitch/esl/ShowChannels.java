package com.cloudpbx.freeswitch.esl;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the output of {@code show channels as json}: {@code {"row_count":2,"rows":[{...},{...}]}}.
 * With no channels FreeSWITCH answers {@code {"row_count":0}} with no {@code rows} key at all, which
 * must read as "no channels" rather than as a malformed answer.
 */
public final class ShowChannels {

    private ShowChannels() {
    }

    /** One map per channel (column name to value, as FreeSWITCH names them: uuid, direction, state ...). */
    public static List<Map<String, String>> parse(String json) {
        Object root = new JsonReader(json.strip()).readValue();
        if (!(root instanceof Map<?, ?> object)) {
            throw new IllegalArgumentException("show channels as json did not answer an object");
        }
        Object rows = object.get("rows");
        if (rows == null) {
            return List.of();
        }
        if (!(rows instanceof List<?> list)) {
            throw new IllegalArgumentException("show channels as json: rows is not an array");
        }
        List<Map<String, String>> channels = new ArrayList<>(list.size());
        for (Object row : list) {
            if (!(row instanceof Map<?, ?> columns)) {
                throw new IllegalArgumentException("show channels as json: a row is not an object");
            }
            Map<String, String> channel = new LinkedHashMap<>();
            columns.forEach((name, value) -> {
                if (value != null) {
                    channel.put(name.toString(), value.toString());
                }
            });
            channels.add(Collections.unmodifiableMap(channel));
        }
        return List.copyOf(channels);
    }
}
