package com.example.digest.arch;

import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No class depends on a higher layer: records, settings and text at the bottom; then state, fetching and observation;
 * then the stages; then publishing and delivery; then the command line and the bean configuration on top.
 */
class LayersTest {
    private static final String ROOT = "com.example.digest";

    @Test
    void noClassDependsOnAHigherLayer() {
        JavaClasses classes = new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Model").definedBy(ROOT + ".model..", ROOT + ".config..", ROOT + ".text..")
                .layer("Infrastructure").definedBy(ROOT + ".state..", ROOT + ".fetch..", ROOT + ".observe..")
                .layer("Feed").definedBy(ROOT + ".feed..")
                .layer("Enrich").definedBy(ROOT + ".enrich..")
                .layer("Summarize").definedBy(ROOT + ".summarize..")
                .layer("Context").definedBy(ROOT + ".cve..")
                .layer("Story").definedBy(ROOT + ".story..")
                .layer("Publish").definedBy(ROOT + ".publish..")
                .layer("Delivery").definedBy(ROOT + ".delivery..", ROOT + ".demo..")
                .layer("Top").definedBy(ROOT + ".cli..", ROOT)
                .whereLayer("Top").mayNotBeAccessedByAnyLayer()
                .whereLayer("Delivery").mayOnlyBeAccessedByLayers("Top")
                .whereLayer("Publish").mayOnlyBeAccessedByLayers("Delivery", "Top")
                .whereLayer("Feed").mayOnlyBeAccessedByLayers("Publish", "Delivery", "Top")
                .whereLayer("Enrich").mayOnlyBeAccessedByLayers("Publish", "Delivery", "Top")
                .whereLayer("Summarize").mayOnlyBeAccessedByLayers("Publish", "Delivery", "Top")
                .whereLayer("Context").mayOnlyBeAccessedByLayers("Publish", "Delivery", "Top")
                .whereLayer("Story").mayOnlyBeAccessedByLayers("Publish", "Delivery", "Top")
                .whereLayer("Infrastructure").mayOnlyBeAccessedByLayers("Feed", "Enrich", "Summarize", "Context", "Story", "Publish", "Delivery", "Top")
                .check(classes);
    }
}
