package com.cloudpbx.storage.postgres.webhooks;

import com.cloudpbx.core.webhooks.CustomHeaders;
import com.cloudpbx.core.webhooks.WebhookEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jooq.JSONB;

/**
 * What the webhook tables keep as JSON: a delivery's body, written once when the event is stored
 * and posted byte for byte on every attempt, and a webhook's custom headers as [name, value] pairs
 * (an array, because a jsonb object would not keep the order they were given in).
 */
final class WebhookJson {

    private static final TypeReference<List<List<String>>> PAIRS = new TypeReference<>() {
    };

    private final ObjectMapper json = new ObjectMapper()
            .registerModule(new JavaTimeModule())
            .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);

    /**
     * {@code {"id","event","tenantId","timestamp","data"}} in that order, compact; the timestamp in
     * UTC to the second, and the data's fields in the order the event holds them.
     */
    String body(WebhookEvent event) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("id", event.id().toString());
        body.put("event", event.name());
        body.put("tenantId", event.tenant().value().toString());
        body.put("timestamp", event.at().truncatedTo(ChronoUnit.SECONDS).toString());
        body.put("data", event.data());
        return write(body);
    }

    JSONB headers(CustomHeaders headers) {
        List<List<String>> pairs = new ArrayList<>();
        headers.values().forEach((name, value) -> pairs.add(List.of(name, value)));
        return JSONB.valueOf(write(pairs));
    }

    CustomHeaders headers(JSONB column) {
        try {
            Map<String, String> values = new LinkedHashMap<>();
            for (List<String> pair : json.readValue(column.data(), PAIRS)) {
                values.put(pair.get(0), pair.get(1));
            }
            return new CustomHeaders(values);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a webhook's stored headers are not [name, value] pairs", e);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot encode " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }
}
