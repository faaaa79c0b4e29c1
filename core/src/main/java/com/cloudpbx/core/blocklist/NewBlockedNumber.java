package com.cloudpbx.core.blocklist;

/** What a client sends to block a number; {@code reason} and {@code direction} are optional. */
public record NewBlockedNumber(String number, String reason, String direction) {
}
