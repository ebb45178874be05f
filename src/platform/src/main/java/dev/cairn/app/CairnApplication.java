package dev.cairn.app;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Cairn: the host of the platform services. Its own beans and views are found under dev.cairn.app;
 * the stage plugins, in whatever package, register themselves by Spring Boot auto-configuration and
 * their views are routed by PluginRoutes from their declarations.
 */
@SpringBootApplication
@ConfigurationPropertiesScan
@EnableScheduling
public class CairnApplication {

    public static void main(String[] args) {
        var application = new SpringApplication(CairnApplication.class);
        StartupReport.attachIfAsked(application);
        application.run(args);
        StartupReport.printIfAsked(application);
    }
}
