package uk.assure.audit;

import java.nio.file.Path;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.assure.system.AssureProperties;

/** The audit chain's settings ({@code assure.audit.*}) and its key, found or made once at start. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AuditProperties.class)
class AuditConfiguration {

    @Bean
    AuditKey auditKey(AuditProperties audit, AssureProperties app) {
        return AuditKey.resolve(audit.key(), app.database().url(), Path.of(app.dataDir()));
    }
}
