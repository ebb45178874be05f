package dev.cairn.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.context.metrics.buffering.BufferingApplicationStartup;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.metrics.ApplicationStartup;

class StartupReportTest {
    private final PrintStream originalOut = System.out;

    @AfterEach
    void restore() {
        System.clearProperty(StartupReport.PROPERTY);
        System.setOut(originalOut);
    }

    @Test
    void withoutThePropertyStartUpIsNotRecorded() {
        var application = new SpringApplication(Tiny.class);
        StartupReport.attachIfAsked(application);
        assertThat(application.getApplicationStartup()).isSameAs(ApplicationStartup.DEFAULT);
    }

    @Test
    void withThePropertyTheSlowestStepsAreNamed() {
        System.setProperty(StartupReport.PROPERTY, "1000");
        var application = new SpringApplication(Tiny.class);
        application.setWebApplicationType(WebApplicationType.NONE);
        StartupReport.attachIfAsked(application);
        assertThat(application.getApplicationStartup()).isInstanceOf(BufferingApplicationStartup.class);
        var out = new ByteArrayOutputStream();
        try (var context = application.run()) {
            System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
            StartupReport.printIfAsked(application);
        }
        String report = out.toString(StandardCharsets.UTF_8);
        assertThat(report).startsWith("Start-up steps by own time");
        assertThat(report.lines().skip(1)).isNotEmpty().allMatch(line -> line.matches("\\s*\\d+\\s+\\d+\\s+spring\\..*"));
        assertThat(report).contains("spring.context.refresh", "spring.beans.instantiate beanName=greeting");
        assertThat(report.lines().skip(1).count()).isLessThan(1000);
    }

    @Configuration(proxyBeanMethods = false)
    static class Tiny {
        @Bean
        String greeting() {
            return "hello";
        }
    }
}
