package dev.cairn.app;

import com.vaadin.flow.spring.annotation.EnableVaadin;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/** Cairn: the host of the platform services and every stage plugin under dev.cairn. */
@SpringBootApplication(scanBasePackages = "dev.cairn")
@ConfigurationPropertiesScan("dev.cairn")
@EnableScheduling
// Vaadin registers @Route views found under the application's own package only; the stage plugins
// live under dev.cairn.plugin, so without this their views are missing from the router (a page
// reload or a typed URL then fails, and RouteConfiguration.getUrl cannot build their links).
@EnableVaadin("dev.cairn")
public class CairnApplication {

    public static void main(String[] args) {
        SpringApplication.run(CairnApplication.class, args);
    }
}
