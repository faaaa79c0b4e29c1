package com.cloudpbx.http.routing;

import com.cloudpbx.core.routing.NewSchedule.HolidayInput;
import com.cloudpbx.core.routing.NewSchedule.HoursInput;
import com.cloudpbx.core.shared.Change;
import com.cloudpbx.core.shared.DomainException;
import com.cloudpbx.http.routing.ScheduleJson.HolidayJson;
import com.cloudpbx.http.routing.ScheduleJson.HoursJson;
import io.micronaut.json.tree.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Reads a schedule's lists from JSON: typed request records on create, and for a partial update
 * straight from the body, telling an absent list (leave it) from a given one (replace it; null
 * empties it) and naming the item field of the wrong JSON type.
 */
final class ScheduleBodies {

    private ScheduleBodies() {
    }

    static List<HoursInput> hours(List<HoursJson> items) {
        return items == null ? null : items.stream()
                .map(h -> h == null ? null : new HoursInput(h.day(), h.enabled(), h.startTime(), h.endTime()))
                .toList();
    }

    static List<HolidayInput> holidays(List<HolidayJson> items) {
        return items == null ? null : items.stream()
                .map(h -> h == null ? null : new HolidayInput(h.date(), h.name()))
                .toList();
    }

    static Change<List<HoursInput>> hours(JsonNode body) {
        return list(body, "schedules", (item, field) -> new HoursInput(string(item, "day", field),
                bool(item, "enabled", field), string(item, "startTime", field), string(item, "endTime", field)));
    }

    static Change<List<HolidayInput>> holidays(JsonNode body) {
        return list(body, "holidays", (item, field) -> new HolidayInput(string(item, "date", field),
                string(item, "name", field)));
    }

    private static <T> Change<List<T>> list(JsonNode body, String field, BiFunction<JsonNode, String, T> reader) {
        JsonNode value = body.get(field);
        if (value == null) {
            return Change.absent();
        }
        if (value.isNull()) {
            return Change.to(List.of());
        }
        if (!value.isArray()) {
            throw DomainException.invalid(field, "must be a list");
        }
        List<T> items = new ArrayList<>();
        for (int i = 0; i < value.size(); i++) {
            String itemField = field + "[" + i + "]";
            JsonNode item = value.get(i);
            if (item == null || !item.isObject()) {
                throw DomainException.invalid(itemField, "must be an object");
            }
            items.add(reader.apply(item, itemField));
        }
        return Change.to(items);
    }

    private static String string(JsonNode item, String name, String itemField) {
        JsonNode value = item.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isString()) {
            throw DomainException.invalid(itemField + "." + name, "must be a string");
        }
        return value.getStringValue();
    }

    private static Boolean bool(JsonNode item, String name, String itemField) {
        JsonNode value = item.get(name);
        if (value == null || value.isNull()) {
            return null;
        }
        if (!value.isBoolean()) {
            throw DomainException.invalid(itemField + "." + name, "must be true or false");
        }
        return value.getBooleanValue();
    }
}
