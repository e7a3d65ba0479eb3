package org.alize.project;

import org.alize.tenancy.BasinContext;
import org.alize.tenancy.BasinId;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Runs each test of a domain test class with a basin in context, as a request of that basin would. */
public final class InBasin implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(InBasin.class);
    private final BasinId basin;

    public InBasin(String basin) {
        this.basin = BasinId.of(basin);
    }

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("scope", BasinContext.open(basin));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        context.getStore(NAMESPACE).remove("scope", BasinContext.Scope.class).close();
    }
}
