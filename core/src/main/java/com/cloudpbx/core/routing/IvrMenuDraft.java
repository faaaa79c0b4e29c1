package com.cloudpbx.core.routing;

import java.util.List;

/**
 * An IVR menu as a client sent it, unchecked; null means not sent (defaults apply on create).
 * {@code options} null is no options.
 */
public record IvrMenuDraft(String name, String greeting, Integer timeoutSeconds, Integer maxRetries,
                           List<OptionDraft> options, String timeoutAction, String timeoutTarget) {

    /** One key of the menu as sent. */
    public record OptionDraft(String digit, String action, String target) {
    }
}
