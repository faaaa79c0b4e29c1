package com.cloudpbx.http.errors;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.serde.exceptions.SerdeException;
import io.micronaut.serde.exceptions.path.CollectionItemReferencePath;
import io.micronaut.serde.exceptions.path.MapItemReferencePath;
import io.micronaut.serde.exceptions.path.PropertyReferencePath;
import io.micronaut.serde.exceptions.path.ReferencePath;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * Reads what went wrong while decoding a JSON body out of the exception chain the framework hands
 * over (JSON failures arrive wrapped in conversion or binding exceptions, several levels deep).
 */
final class JsonFailures {

    private JsonFailures() {
    }

    /** True when the body is not JSON at all, as opposed to JSON of the wrong shape. */
    static boolean isSyntaxError(Throwable failure) {
        return Causes.find(failure, StreamReadException.class).isPresent()
            || Causes.find(failure, JsonSyntaxException.class).isPresent()
               && Causes.find(failure, SerdeException.class).filter(JsonFailures::hasPath).isEmpty();
    }

    /** "line 3, column 14" when the parser reported where it stopped. */
    static Optional<String> location(Throwable failure) {
        return Causes.find(failure, JsonProcessingException.class)
            .map(JsonProcessingException::getLocation)
            .filter(location -> location != null && location.getLineNr() > 0)
            .map(JsonFailures::describe);
    }

    static Optional<SerdeException> shapeError(Throwable failure) {
        return Causes.find(failure, SerdeException.class);
    }

    /** The body property path the decoder was in, e.g. {@code members[1].extension}; null if unknown. */
    static @Nullable String fieldPath(SerdeException failure) {
        if (!hasPath(failure)) {
            return null;
        }
        StringBuilder path = new StringBuilder();
        for (ReferencePath step : outermostFirst(failure)) {
            if (step instanceof CollectionItemReferencePath item) {
                path.append('[').append(item.index()).append(']');
            } else if (step instanceof MapItemReferencePath entry) {
                appendName(path, entry.key());
            } else if (step instanceof PropertyReferencePath property) {
                appendName(path, property.property().getName());
            }
        }
        return path.isEmpty() ? null : path.toString();
    }

    /** The declared type of the innermost property on the path, when the decoder recorded it. */
    static Optional<Class<?>> fieldType(SerdeException failure) {
        if (!hasPath(failure)) {
            return Optional.empty();
        }
        ReferencePath innermost = failure.getPath().get(0);
        return Optional.ofNullable(innermost.getArgument()).map(argument -> argument.getType());
    }

    // serde records the path while unwinding, so the innermost step comes first
    private static List<ReferencePath> outermostFirst(SerdeException failure) {
        List<ReferencePath> steps = new ArrayList<>(failure.getPath());
        Collections.reverse(steps);
        return steps;
    }

    private static void appendName(StringBuilder path, String name) {
        if (!path.isEmpty()) {
            path.append('.');
        }
        path.append(name);
    }

    private static boolean hasPath(SerdeException failure) {
        return failure.getPath() != null && !failure.getPath().isEmpty();
    }

    private static String describe(JsonLocation location) {
        return "line " + location.getLineNr() + ", column " + location.getColumnNr();
    }
}
