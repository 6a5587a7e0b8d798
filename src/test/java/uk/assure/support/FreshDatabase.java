package uk.assure.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points a test's Spring context at a database of its own. */
public class FreshDatabase implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    public static final String ADMIN_EMAIL = "admin@test.assure.local";
    public static final String ADMIN_PASSWORD = "correct horse battery staple";

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        TestPropertyValues.of(
                        "assure.database.url=" + TestDatabase.newDatabase(),
                        "assure.admin.email=" + ADMIN_EMAIL,
                        "assure.admin.password=" + ADMIN_PASSWORD)
                .applyTo(context);
    }
}
