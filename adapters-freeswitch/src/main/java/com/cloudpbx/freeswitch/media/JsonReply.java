package com.cloudpbx.freeswitch.media;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.ObjectReader;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;

/**
 * Reads the JSON of a FreeSWITCH reply ({@code show ... as json}, {@code json_list}) strictly: text
 * after the value is an error, and numbers keep the digits they were written with, whatever the
 * shared mapper is configured to do. Malformed input is an {@link IllegalArgumentException}.
 */
final class JsonReply {

    private final ObjectReader reader;

    JsonReply(ObjectMapper mapper) {
        this.reader = mapper.readerFor(JsonNode.class)
                .with(DeserializationFeature.FAIL_ON_TRAILING_TOKENS, DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
                .without(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES);
    }

    JsonNode read(String text) {
        if (text == null) {
            throw new IllegalArgumentException("No JSON");
        }
        try {
            JsonNode value = reader.readValue(text);
            if (value == null || value.isMissingNode()) {
                throw new IllegalArgumentException("Empty JSON reply");
            }
            return value;
        } catch (JsonProcessingException e) {
            // The original message leaves out the reply's text, which can be long and is the switch's.
            long offset = e.getLocation() == null ? -1 : e.getLocation().getCharOffset();
            throw new IllegalArgumentException(e.getOriginalMessage() + " at offset " + offset + " of a JSON reply", e);
        }
    }
}
