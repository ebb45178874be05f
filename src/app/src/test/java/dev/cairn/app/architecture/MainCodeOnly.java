package dev.cairn.app.architecture;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.core.importer.Location;

/**
 * The classes of every module's main code, as the architecture rules see them: ArchUnit's
 * "no test classes" option, and not cairn-test-kit either. The kit keeps the test support packages
 * (dev.cairn.app.support, ...) but is a jar of main classes on the test classpath, so ArchUnit would
 * otherwise count DemoWorld or Actors as application code (ADR 0014).
 */
public final class MainCodeOnly implements ImportOption {

    @Override
    public boolean includes(Location location) {
        return Predefined.DO_NOT_INCLUDE_TESTS.includes(location)
                && !location.contains("/cairn-test-kit-")        // the kit's jar (reactor build after package)
                && !location.contains("/src/test-kit/target/");  // its classes folder (reactor build before package)
    }
}
