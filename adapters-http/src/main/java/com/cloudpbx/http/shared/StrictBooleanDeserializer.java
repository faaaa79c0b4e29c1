package com.cloudpbx.http.shared;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.type.Argument;
import io.micronaut.serde.Decoder;
import io.micronaut.serde.Deserializer;
import jakarta.inject.Singleton;
import java.io.IOException;

/**
 * Accepts only JSON {@code true}, {@code false} or {@code null} for boolean fields. The default
 * decoder reads {@code "yes"} as false and {@code 1} as true, which would silently store
 * something the client did not mean; here such a value is a 400 naming the field.
 */
@Singleton
@Order(-100)
public class StrictBooleanDeserializer implements Deserializer<Boolean> {

    @Override
    public Boolean deserialize(Decoder decoder, DecoderContext context, Argument<? super Boolean> type)
            throws IOException {
        Object value = decoder.decodeArbitrary();
        if (value instanceof Boolean bool) {
            return bool;
        }
        if (value == null && !type.isPrimitive()) {
            return null;
        }
        throw decoder.createDeserializationException("must be true or false", value);
    }

    @Override
    public Boolean deserializeNullable(Decoder decoder, DecoderContext context, Argument<? super Boolean> type)
            throws IOException {
        if (decoder.decodeNull()) {
            return null;
        }
        return deserialize(decoder, context, type);
    }
}
