package dev.cairn.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Cairn: the host of the platform services and every stage plugin under dev.cairn. */
@SpringBootApplication(scanBasePackages = "dev.cairn")
@ConfigurationPropertiesScan("dev.cairn")
@EnableScheduling
public class CairnApplication {

    public static void main(String[] args) {
        SpringApplication.run(CairnApplication.class, args);
    }
}
