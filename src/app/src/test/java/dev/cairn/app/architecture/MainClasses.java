package dev.cairn.app.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;

/**
 * Every module's main code under dev.cairn, imported once per test JVM for the rules that read it (typed settings,
 * permission checks, the platform scope): an import reads some thousands of class files and took tens of seconds
 * each time a test class repeated it.
 */
public final class MainClasses {

    private static JavaClasses classes;

    private MainClasses() {
    }

    public static synchronized JavaClasses get() {
        if (classes == null) {
            classes = new ClassFileImporter().withImportOption(new MainCodeOnly()).importPackages("dev.cairn");
        }
        return classes;
    }
}
