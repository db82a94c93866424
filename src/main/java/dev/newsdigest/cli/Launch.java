package dev.newsdigest.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Function;

import dev.newsdigest.config.ConfigException;
import dev.newsdigest.config.Settings;
import dev.newsdigest.delivery.Deliveries.RunOutcome;
import dev.newsdigest.state.StateStore;
import org.apache.camel.CamelContext;
import dev.newsdigest.fetch.InFlight;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.main.Main;
import org.apache.camel.spi.PropertiesComponent;

/** What every command shares: the settings as the application reads them, Camel Main, the run route, exit codes. */
public final class Launch {
    public static final int OK = 0;
    public static final int FAILED = 1;
    public static final int USAGE = 2;

    /**
     * A single run: no schedule (its routes are not even loaded, so neither timer nor Quartz starts), no health and
     * metrics server or per-exchange Camel metrics (nobody could scrape them; the pipeline's own counters still count),
     * and no TAXII server (a run that ends serves no client).
     */
    public static final Map<String, String> ONCE = Map.of("digest.daemon", "false", "camel.management.enabled", "false",
            "camel.metrics.enabled", "false", "camel.server.enabled", "false",
            "camel.main.routes-exclude-pattern", "classpath:routes/schedule.camel.yaml,classpath:routes/taxii.camel.yaml");

    /**
     * The system property naming the configuration file, in place of the working directory's application.properties
     * (an install's {@code bin/news-digest} sets it to {@code conf/application.properties}). Unlike that optional file,
     * a file named here must exist.
     */
    public static final String CONFIG_PROPERTY = "news-digest.config";

    /** Defaults travel in the jar; an application.properties in the working directory overrides them key by key (first location wins). */
    static final String PROPERTY_LOCATIONS = "file:application.properties;optional=true,classpath:application.properties;optional=true";

    private Launch() {
    }

    /** Camel Main with the application's property locations and {@code overrides}, not started. */
    public static Main newMain(Map<String, String> overrides) {
        Main main = new Main() {
            @Override
            protected CamelContext createCamelContext() {
                CamelContext context = super.createCamelContext();
                context.getPropertiesComponent().setEncoding("UTF-8"); // feed filters are often Japanese
                return context;
            }
        };
        main.setPropertyPlaceholderLocations(propertyLocations());
        overrides.forEach(main::addOverrideProperty);
        // SIGTERM: Camel Main waits for the run to end before it stops the context; the run's outbound requests are cut
        // off at once (and new ones refused), so that it ends within the shutdown timeout instead of waiting on a server
        main.getShutdownStrategy().addShutdownListener(() -> {
            CamelContext context = main.getCamelContext();
            InFlight inFlight = context == null ? null : context.getRegistry().lookupByNameAndType("inFlight", InFlight.class);
            if (inFlight != null) {
                inFlight.abortAll("the process is stopping");
            }
        });
        return main;
    }

    /**
     * One run on a started Main ({@code direct:run-once}): poll when {@code poll}, publish every day with unpublished
     * items (through today when {@code throughToday}), deliver, prune.
     */
    public static RunOutcome runOnce(Main main, boolean poll, boolean throughToday) throws Exception {
        return main.getCamelTemplate().requestBodyAndHeaders("direct:run-once", null,
                Map.of("poll", poll, "throughToday", throughToday), RunOutcome.class);
    }

    /**
     * Reads the settings exactly as the application will (same locations, overrides, system properties and
     * environment variables), before Camel starts, so that a mistake is reported as one line.
     */
    static Settings checkSettings(Map<String, String> overrides) {
        return checkSettings(readOnlyProperties(overrides));
    }

    /** {@link #checkSettings(Map)} on properties already read. */
    static Settings checkSettings(PropertiesComponent properties) {
        refuseSecretsOutsideTheEnvironment();
        return Settings.from(key -> properties.resolveProperty(key).orElse(null), System::getenv);
    }

    /** A secret in a properties file or given with {@code -D} is refused before anything starts. */
    static void refuseSecretsOutsideTheEnvironment() {
        Settings.refuseSecretsOutsideTheEnvironment(propertiesFilesOnly());
    }

    /** A key as the properties files alone set it (the working directory's, then the jar's), without the environment. */
    private static Function<String, String> propertiesFilesOnly() {
        Properties files = new Properties();
        try (InputStream jar = Launch.class.getResourceAsStream("/application.properties")) {
            if (jar != null) {
                files.load(new InputStreamReader(jar, StandardCharsets.UTF_8));
            }
            Path local = configFile().orElse(Path.of("application.properties"));
            if (Files.isRegularFile(local)) {
                try (var reader = Files.newBufferedReader(local, StandardCharsets.UTF_8)) {
                    files.load(reader);
                }
            }
        } catch (IOException e) {
            throw new ConfigException("application.properties", "cannot be read: " + e.getMessage());
        }
        return files::getProperty;
    }

    /** The settings as Camel Main will resolve them (locations, overrides, system properties, environment), without starting Camel. */
    static PropertiesComponent readOnlyProperties(Map<String, String> overrides) {
        DefaultCamelContext context = new DefaultCamelContext(false); // never started
        context.build();
        PropertiesComponent properties = context.getPropertiesComponent();
        properties.setEncoding("UTF-8");
        properties.setLocation(propertyLocations());
        Properties override = new Properties();
        override.putAll(overrides);
        properties.setOverrideProperties(override);
        return properties;
    }

    /**
     * {@link #PROPERTY_LOCATIONS}, or with {@value #CONFIG_PROPERTY} set, that file (required) in place of the working
     * directory's: {@code java -jar} without the property reads what it always read.
     */
    static String propertyLocations() {
        return configFile().map(file -> "file:" + file + "," + PROPERTY_LOCATIONS.substring(PROPERTY_LOCATIONS.indexOf(",") + 1))
                .orElse(PROPERTY_LOCATIONS);
    }

    /** The file {@value #CONFIG_PROPERTY} names, absolute, refused as one line when it is not a readable file. */
    static Optional<Path> configFile() {
        String name = System.getProperty(CONFIG_PROPERTY, "").trim();
        if (name.isEmpty()) {
            return Optional.empty();
        }
        Path file;
        try {
            file = Path.of(name).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            throw new ConfigException(CONFIG_PROPERTY, "'" + name + "' is not a path");
        }
        if (!Files.isRegularFile(file) || !Files.isReadable(file)) {
            throw new ConfigException(CONFIG_PROPERTY, "no readable file at " + file);
        }
        if (file.toString().contains(",") || file.toString().contains(";")) { // Camel's list of locations would split it
            throw new ConfigException(CONFIG_PROPERTY, "the path may not hold ',' or ';': " + file);
        }
        return Optional.of(file);
    }

    /** A user's mistake or a busy state store as one line and its exit code; anything else is a bug and is thrown. */
    static int explain(Exception e) {
        ConfigException config = find(e, ConfigException.class);
        if (config != null) {
            System.err.println("news-digest: configuration error: " + config.getMessage());
            return USAGE;
        }
        StateStore.StateUnusableException state = find(e, StateStore.StateUnusableException.class);
        if (state != null) {
            System.err.println("news-digest: " + state.getMessage());
            return FAILED;
        }
        if (e instanceof RuntimeException r) {
            throw r;
        }
        throw new IllegalStateException(e);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return null;
    }
}
