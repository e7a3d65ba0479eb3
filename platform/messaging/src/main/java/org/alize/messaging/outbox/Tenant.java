package org.alize.messaging.outbox;

import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;

/** The basin (or network level) an aggregate was written in, so a later retry reopens the same context. */
record Tenant(BasinId basin) {

    static final Tenant NETWORK = new Tenant(null);

    static Tenant current() {
        return BasinContext.isNetwork() ? NETWORK : new Tenant(BasinContext.require());
    }

    BasinContext.Scope open() {
        return basin == null ? BasinContext.openNetwork() : BasinContext.open(basin);
    }

    @Override
    public String toString() {
        return basin == null ? "network" : basin.value();
    }
}
