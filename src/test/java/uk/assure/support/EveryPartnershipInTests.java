package uk.assure.support;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import uk.assure.system.Scope;

/**
 * A test's own thread sets up and checks rows of several partnerships, so it sees them all. Requests the test makes
 * over HTTP run on the server's threads, each in the scope of whoever is signed in, exactly as in production. The
 * scope opens only after the Spring context has started, so the app's own start-up work gets no help from it.
 */
public final class EveryPartnershipInTests implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(EveryPartnershipInTests.class);

    @Override
    public void beforeEach(ExtensionContext context) {
        context.getStore(NAMESPACE).put("scope", Scope.everyPartnership());
    }

    @Override
    public void afterEach(ExtensionContext context) {
        Scope.Opened scope = context.getStore(NAMESPACE).remove("scope", Scope.Opened.class);
        if (scope != null) {
            scope.close();
        }
    }
}
