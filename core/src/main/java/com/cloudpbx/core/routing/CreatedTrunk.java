package com.cloudpbx.core.routing;

/** A new trunk and, this once, its password in clear, for the superadmin who set it. */
public record CreatedTrunk(TrunkView view, String password) {

    @Override
    public String toString() {
        return "CreatedTrunk[" + view.trunk().name() + "]";
    }
}
