package com.cloudpbx.core.blocklist;

import com.cloudpbx.core.shared.Change;

/** A partial update of an entry: its pattern stays, so a different number is a new entry. */
public record BlockedNumberChanges(Change<String> reason, Change<String> direction) {
}
