package com.cloudpbx.core.routing;

import java.util.List;

/** What a superadmin sends to create a trunk; everything but name and proxy may be left out. */
public record NewTrunk(String name, String provider, String tenantId, String proxy, String username, String password,
                       String transport, List<String> codecs, Boolean register, Integer maxChannels, String status) {

    @Override
    public String toString() {
        return "NewTrunk[" + name + "]";
    }
}
