package dev.cairn.app.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The application most of cairn-app's tests need (demo world, no MLflow, no job polling), started once per test JVM
 * and shared by every class that carries this annotation, on H2 and again on PostgreSQL. A class with properties of
 * its own costs a Spring start-up of its own (some ten seconds, twice for an integration test) and keeps a second
 * application running beside it: give one only for a setting the test is about. Tests keep out of each other's way
 * by their own projects, users and files, never by their own database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(properties = {"spring.datasource.url=jdbc:h2:mem:app;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
        "cairn.jobs.poll-interval=1h"})
@ActiveProfiles("demo")
public @interface AppTest {
}
