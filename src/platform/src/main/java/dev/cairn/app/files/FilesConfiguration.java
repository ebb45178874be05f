package dev.cairn.app.files;

import java.io.IOException;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;

/**
 * The filesystem blob store under cairn.files.root, unless another {@link BlobStore} bean (an
 * S3-compatible one) is defined; and, at start-up, the removal of staging files a crashed upload left.
 */
@Configuration(proxyBeanMethods = false)
class FilesConfiguration {

    private static final Logger LOG = LoggerFactory.getLogger(FilesConfiguration.class);

    @Bean
    @ConditionalOnMissingBean(BlobStore.class)
    FilesystemBlobStore filesystemBlobStore(FilesProperties properties) {
        return new FilesystemBlobStore(properties.root());
    }

    @EventListener(ApplicationReadyEvent.class)
    void deleteAbandonedUploads(ApplicationReadyEvent ready) throws IOException {
        FilesProperties properties = ready.getApplicationContext().getBean(FilesProperties.class);
        for (BlobStore store : ready.getApplicationContext().getBeansOfType(BlobStore.class).values()) {
            if (store instanceof FilesystemBlobStore files) {
                int deleted = files.deleteStagedBefore(Instant.now().minus(properties.abandonedAfter()));
                if (deleted > 0) {
                    LOG.info("Deleted {} staging file(s) left by uploads that never completed", deleted);
                }
            }
        }
    }
}
