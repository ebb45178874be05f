package dev.cairn.plugin.data;

import dev.cairn.app.CairnApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The data plugin's integration tests' one application (demo world, no MLflow, jobs polled every 100 ms so a version's
 * profile is stored moments after its upload). Spring starts it once and every test class that carries this annotation
 * shares it, on H2 and again on PostgreSQL: a class with its own properties costs a start-up of its own and keeps a
 * second application polling for jobs beside it. Tests keep out of each other's way by their own projects
 * ({@link World#newProject}), never by their own database.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CairnApplication.class, properties = {"spring.datasource.url=jdbc:h2:mem:dataplugin;DB_CLOSE_DELAY=-1",
        "cairn.mlflow.tracking-uri=", "cairn.jobs.poll-interval=100ms", "cairn.data.ingest.spool-directory=target/test-spool/dataplugin"})
@ActiveProfiles("demo")
public @interface DataIntegrationTest {
}
