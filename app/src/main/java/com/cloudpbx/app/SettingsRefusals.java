package com.cloudpbx.app;

import com.cloudpbx.app.settings.ConfigurationRecords;
import io.micronaut.context.exceptions.BeanInstantiationException;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * Turns a setting the context refused into a {@link StartupRefusal}. The settings records are
 * validated as the context creates them, and their constraint messages name the variable to set;
 * Micronaut reports them inside a bean-creation failure, from which they are taken here.
 */
final class SettingsRefusals {

    private static final String VIOLATIONS = "List of constraint violations:";
    private static final String SEPARATOR = " - ";

    private SettingsRefusals() {
    }

    /** The refusal a failed start amounts to, when a setting is what failed. */
    static Optional<StartupRefusal> of(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof StartupRefusal refusal) {
                return Optional.of(refusal);
            }
            String message = cause.getMessage();
            if (cause instanceof BeanInstantiationException && message != null && message.contains(VIOLATIONS)) {
                return Optional.of(new StartupRefusal(violations(message)));
            }
        }
        return Optional.empty();
    }

    /** What a whole-number setting must be, as its record says it, naming the variable. */
    static String rule(ConfigurationRecords.Setting setting, String variable) {
        Method accessor = setting.component().getAccessor();
        return Optional.ofNullable(accessor.getAnnotation(Min.class)).map(Min::message)
                .or(() -> Optional.ofNullable(accessor.getAnnotation(Max.class)).map(Max::message))
                .filter(message -> message.startsWith(variable))
                .orElse(variable + " must be a whole number");
    }

    /** The constraint messages, one per violation line ("path - message") up to the closing bracket. */
    private static String violations(String message) {
        String list = message.substring(message.indexOf(VIOLATIONS) + VIOLATIONS.length());
        return Arrays.stream(list.split("\n")).takeWhile(line -> !line.strip().equals("]"))
                .filter(line -> line.contains(SEPARATOR))
                .map(line -> line.substring(line.indexOf(SEPARATOR) + SEPARATOR.length()).strip())
                .collect(Collectors.collectingAndThen(Collectors.joining("; "),
                        found -> found.isEmpty() ? message : found));
    }
}
