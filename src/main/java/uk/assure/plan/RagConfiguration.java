package uk.assure.plan;

import java.time.Clock;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import uk.assure.system.AssureProperties;

@Configuration(proxyBeanMethods = false)
class RagConfiguration {

    @Bean
    RagSettings ragSettings(AssureProperties properties) {
        return new RagSettings(properties.rag().warningDays(), properties.rag().staleDays());
    }

    @Bean
    RagCalculator ragCalculator(Clock clock, RagSettings settings, MessageSource messages) {
        return new RagCalculator(clock, settings, messages);
    }
}
