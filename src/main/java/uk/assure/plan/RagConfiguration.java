package uk.assure.plan;

import java.time.Clock;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.assure.system.AssureProperties;

@Configuration(proxyBeanMethods = false)
class RagConfiguration {

    @Bean
    RagCalculator ragCalculator(Clock clock, AssureProperties properties) {
        return new RagCalculator(clock, new RagSettings(properties.rag().warningDays(), properties.rag().staleDays()));
    }
}
