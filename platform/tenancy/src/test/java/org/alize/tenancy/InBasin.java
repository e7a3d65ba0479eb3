package org.alize.tenancy;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * For tests of domain code that raises events: runs each test with a basin in context, as a request of
 * that basin would ({@code @RegisterExtension static final InBasin BASIN = new InBasin("valenciennois")}).
 */
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
