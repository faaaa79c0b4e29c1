package com.cloudpbx.core.routing;

import com.cloudpbx.core.shared.Change;
import java.util.List;

/** A partial update of a trunk: absent fields stay; {@code tenantId} null makes it global. */
public record TrunkChanges(Change<String> name, Change<String> provider, Change<String> tenantId, Change<String> proxy,
                           Change<String> username, Change<String> password, Change<String> transport,
                           Change<List<String>> codecs, Change<Boolean> register, Change<Integer> maxChannels,
                           Change<String> status) {

    @Override
    public String toString() {
        return "TrunkChanges";
    }
}
