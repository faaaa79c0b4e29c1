package com.cloudpbx.core.identity;

import java.util.List;

/** Time-limited TURN credentials in coturn's REST-API form. */
public record TurnCredentials(List<String> urls, String username, String credential, long ttl) {
}
