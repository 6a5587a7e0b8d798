package uk.assure;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

@SpringBootApplication
public class AssureApplication {

    public static void main(String[] args) {
        SpringApplication.run(AssureApplication.class, args);
    }
}
