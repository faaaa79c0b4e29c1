package com.cloudpbx.core.routing;

import java.util.Objects;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * How a switch learns where a menu sends the call once the caller pressed a key or nothing: the
 * router's answers, asked when it happens (FreeSWITCH asks by a new dialplan lookup instead).
 */
public record MenuFollowUps(BiFunction<RouteDecision.EnterMenu, String, RouteDecision> onKey,
                            Function<RouteDecision.EnterMenu, RouteDecision> onTimeout) {

    public MenuFollowUps {
        Objects.requireNonNull(onKey, "onKey");
        Objects.requireNonNull(onTimeout, "onTimeout");
    }
}
