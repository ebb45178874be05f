package dev.cairn.plugin.data;

import dev.cairn.app.CairnApplication;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * The data plugin's REST tests' one application on a random port of 127.0.0.1, shared by every class that carries this
 * annotation (see {@link DataIntegrationTest} for why one). No browser comes here: the REST API needs no frontend
 * bundle, and this module has no dev server.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = CairnApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {"spring.datasource.url=jdbc:h2:mem:datapluginapi;DB_CLOSE_DELAY=-1", "cairn.mlflow.tracking-uri=",
                "cairn.jobs.poll-interval=100ms", "server.address=127.0.0.1", "vaadin.productionMode=true",
                "cairn.data.ingest.spool-directory=target/test-spool/datapluginapi"})
@ActiveProfiles("demo")
public @interface DataApiIntegrationTest {
}
