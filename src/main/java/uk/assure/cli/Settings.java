package uk.assure.cli;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.ConfigurableApplicationContext;
import uk.assure.system.AssureProperties;

/**
 * The app's settings (environment, {@code -D}, application.yml) read as the app reads them, without starting the
 * app: for the commands that must not start it on the database they work on (backup, restore). Not a component,
 * so the app's own scan never picks it up.
 */
@EnableConfigurationProperties(AssureProperties.class)
final class Settings {

    /** The app's settings, and whether the audit key is given by setting ({@code ASSURE_AUDIT_KEY}). */
    record Read(AssureProperties app, boolean auditKeySet) {}

    static Read read() {
        // Spring Boot warms up Jackson, validation and the like on a second thread and waits for it before it
        // closes: seconds of work for a web app this command does not start
        if (System.getProperty("spring.backgroundpreinitializer.ignore") == null) {
            System.setProperty("spring.backgroundpreinitializer.ignore", "true");
        }
        try (ConfigurableApplicationContext settings = new SpringApplicationBuilder(Settings.class)
                .web(WebApplicationType.NONE)
                .logStartupInfo(false)
                .run("--spring.main.banner-mode=off")) {
            String auditKey = settings.getEnvironment().getProperty("assure.audit.key");
            return new Read(settings.getBean(AssureProperties.class), auditKey != null && !auditKey.isBlank());
        }
    }
}
