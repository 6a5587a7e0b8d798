package uk.assure.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ContextConfiguration;

/** The whole application context, with a mock web environment rather than a server, on a real PostgreSQL database of its own. */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.MOCK, properties = "assure.demo-data=false")
@ContextConfiguration(initializers = FreshDatabase.class)
@ExtendWith(EveryPartnershipInTests.class)
public @interface DatabaseTest {}
