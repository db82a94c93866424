package dev.newsdigest.arch;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.belongToAnyOf;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import dev.newsdigest.delivery.Deliveries;
import dev.newsdigest.enrich.ArticleExtractor;
import dev.newsdigest.summarize.IocExtractor;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * No class depends on a higher layer: records, settings and text at the bottom; then state, fetching and observation;
 * then the stages; then publishing and delivery; then the command line and the bean configuration on top. The command
 * line, though on top, does not reach into the routes' internals.
 */
class LayersTest {
    private static final String ROOT = "dev.newsdigest";
    private static final JavaClasses CLASSES =
            new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(ROOT);

    @Test
    void noClassDependsOnAHigherLayer() {
        layeredArchitecture().consideringOnlyDependenciesInLayers()
                .layer("Model").definedBy(ROOT + ".model..", ROOT + ".config..", ROOT + ".text..")
                .layer("Infrastructure").definedBy(ROOT + ".state..", ROOT + ".fetch..", ROOT + ".observe..")
                .layer("Feed").definedBy(ROOT + ".feed..")
                .layer("Enrich").definedBy(ROOT + ".enrich..")
                .layer("Summarize").definedBy(ROOT + ".summarize..")
                .layer("Context").definedBy(ROOT + ".cve..")
                .layer("Story").definedBy(ROOT + ".story..")
                .layer("Intel").definedBy(ROOT + ".intel..")
                .layer("Publish").definedBy(ROOT + ".publish..")
                .layer("Delivery").definedBy(ROOT + ".delivery..", ROOT + ".site..", ROOT + ".demo..")
                .layer("Top").definedBy(ROOT + ".cli..", ROOT)
                .whereLayer("Top").mayNotBeAccessedByAnyLayer()
                .whereLayer("Delivery").mayOnlyBeAccessedByLayers("Top")
                .whereLayer("Publish").mayOnlyBeAccessedByLayers("Delivery", "Top")
                .whereLayer("Intel").mayOnlyBeAccessedByLayers("Publish", "Delivery", "Top")
                .whereLayer("Feed").mayOnlyBeAccessedByLayers("Publish", "Delivery", "Top")
                .whereLayer("Enrich").mayOnlyBeAccessedByLayers("Publish", "Delivery", "Top")
                .whereLayer("Summarize").mayOnlyBeAccessedByLayers("Publish", "Delivery", "Top")
                .whereLayer("Context").mayOnlyBeAccessedByLayers("Publish", "Delivery", "Top")
                .whereLayer("Story").mayOnlyBeAccessedByLayers("Publish", "Delivery", "Top")
                .whereLayer("Infrastructure").mayOnlyBeAccessedByLayers("Feed", "Enrich", "Summarize", "Context", "Story", "Intel", "Publish", "Delivery", "Top")
                .check(CLASSES);
    }

    /**
     * The command line starts the routes (through Camel Main and the properties) and reads the state and settings
     * ({@code status}, {@code resend}), but knows nothing of the stages nor of the bean configuration. What it may use of
     * them, and why:
     * <ul>
     * <li>{@link Deliveries}: a run's outcome is its exit code ({@code Deliveries.RunOutcome}), and {@code resend} queues
     * a revision again in the outbox, through the bean the configuration bound;</li>
     * <li>{@link ArticleExtractor}: {@code extract} is the extractor itself, run on saved pages without a route;</li>
     * <li>{@link IocExtractor}: {@code iocs} is the indicator extraction itself, run on a file without a route.</li>
     * </ul>
     * config, state, fetch, observe and demo are not stages: {@code status} reads the state and the settings.
     */
    @Test
    void theCommandLineDoesNotReachIntoTheRoutes() {
        noClasses().that().resideInAPackage(ROOT + ".cli..")
                .should().dependOnClassesThat(resideInAnyPackage(ROOT + ".feed..", ROOT + ".cve..", ROOT + ".story..", ROOT + ".publish..")
                        .or(resideInAPackage(ROOT + ".delivery..").and(not(belongToAnyOf(Deliveries.class))))
                        .or(resideInAPackage(ROOT + ".enrich..").and(not(belongToAnyOf(ArticleExtractor.class))))
                        .or(resideInAPackage(ROOT + ".summarize..").and(not(belongToAnyOf(IocExtractor.class))))
                        // the top package itself (DigestApplication, DigestConfiguration and its beans), not its sub-packages
                        .or(resideInAPackage(ROOT)))
                .because("the command line starts the routes and reads the state, it does not reach into them")
                .check(CLASSES);
    }
}
