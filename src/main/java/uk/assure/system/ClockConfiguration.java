package uk.assure.system;

import java.time.Clock;
import java.time.ZoneId;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The one clock: RAG, staleness and history timestamps all read it, so tests can fix the day. */
@Configuration(proxyBeanMethods = false)
class ClockConfiguration {

    static final ZoneId UK = ZoneId.of("Europe/London");

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(UK);
    }
}
