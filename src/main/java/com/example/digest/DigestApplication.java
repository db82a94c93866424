package com.example.digest;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

import com.example.digest.config.ConfigException;
import com.example.digest.demo.DemoServer;
import com.example.digest.delivery.Deliveries;
import com.example.digest.digest.DigestPublisher;
import com.example.digest.enrich.ArticleExtractor;
import com.example.digest.feed.FeedReader;
import com.example.digest.observe.StatusReport;
import com.example.digest.state.Retention;
import com.example.digest.state.StateStore;
import com.example.digest.config.Settings;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.CamelContext;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.impl.DefaultCamelContext;
import org.apache.camel.spi.PropertiesComponent;
import org.apache.camel.main.Main;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * The command line: run continuously, run once, run the offline demo, or extract the text of saved pages.
 * Exit codes: 0 it ran; 1 no feed could be read (or a file could not be extracted); 2 bad configuration or usage.
 */
@Command(name = "news-digest", mixinStandardHelpOptions = true, versionProvider = DigestApplication.Version.class,
        description = "Polls security-news feeds, summarises each article and publishes a daily digest.",
        subcommands = {DigestApplication.Status.class, DigestApplication.Extract.class, DigestApplication.Resend.class,
                DigestApplication.Iocs.class})
public class DigestApplication implements Callable<Integer> {
    static final int OK = 0;
    static final int FAILED = 1;
    static final int USAGE = 2;

    @Option(names = "--once", description = "Poll every feed once, process, publish every day with unpublished items, exit.")
    boolean once;

    @Option(names = "--demo", description = "Use bundled sample feeds and pages served from a local port (no network, no key).")
    boolean demo;

    public static void main(String[] args) {
        FatalErrors.install(System.err);
        CommandLine cli = new CommandLine(new DigestApplication());
        cli.setParameterExceptionHandler((e, a) -> {
            e.getCommandLine().getErr().println("news-digest: " + e.getMessage() + " (see --help)");
            return USAGE;
        });
        System.exit(cli.execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Map<String, String> overrides = new LinkedHashMap<>();
        DemoServer demoServer = null;
        if (demo) {
            demoServer = DemoServer.start();
            overrides.putAll(demoServer.settings());
        }
        if (once) {
            overrides.putAll(ONCE);
        }
        try {
            checkSettings(overrides);
            return once ? runOnce(overrides) : runContinuously(overrides);
        } catch (Exception | Error e) {
            FatalErrors.haltOnError(e, System.err);
            return explain((Exception) e);
        } finally {
            if (demoServer != null) {
                demoServer.close();
            }
        }
    }

    /**
     * A single run: no poll timer, no close cron, and no health and metrics server or per-exchange Camel metrics (nobody
     * could scrape them; the pipeline's own counters still count).
     */
    static final Map<String, String> ONCE = Map.of("digest.daemon", "false", "camel.management.enabled", "false",
            "camel.metrics.enabled", "false");

    /** Defaults travel in the jar; an application.properties in the working directory overrides them key by key (first location wins). */
    static final String PROPERTY_LOCATIONS = "file:application.properties;optional=true,classpath:application.properties;optional=true";

    static Main newMain(Map<String, String> overrides) {
        Main main = new Main() {
            @Override
            protected CamelContext createCamelContext() {
                CamelContext context = super.createCamelContext();
                context.getPropertiesComponent().setEncoding("UTF-8"); // feed filters are often Japanese
                return context;
            }
        };
        main.setPropertyPlaceholderLocations(PROPERTY_LOCATIONS);
        overrides.forEach(main::addOverrideProperty);
        return main;
    }

    /**
     * Reads the settings exactly as the application will (same locations, overrides, system properties and
     * environment variables), before Camel starts, so that a mistake is reported as one line.
     */
    private static void checkSettings(Map<String, String> overrides) {
        PropertiesComponent properties = readOnlyProperties(overrides);
        Settings.refuseSecretsOutsideTheEnvironment(propertiesFilesOnly());
        Settings.from(key -> properties.resolveProperty(key).orElse(null), System::getenv);
    }

    /** A key as the properties files alone set it (the working directory's, then the jar's), without the environment. */
    private static java.util.function.Function<String, String> propertiesFilesOnly() {
        java.util.Properties files = new java.util.Properties();
        try (InputStream jar = DigestApplication.class.getResourceAsStream("/application.properties")) {
            if (jar != null) {
                files.load(new java.io.InputStreamReader(jar, java.nio.charset.StandardCharsets.UTF_8));
            }
            Path local = Path.of("application.properties");
            if (Files.isRegularFile(local)) {
                try (var reader = Files.newBufferedReader(local, java.nio.charset.StandardCharsets.UTF_8)) {
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
        properties.setLocation(PROPERTY_LOCATIONS);
        java.util.Properties override = new java.util.Properties();
        override.putAll(overrides);
        properties.setOverrideProperties(override);
        return properties;
    }

    private static int runContinuously(Map<String, String> overrides) throws Exception {
        Main main = newMain(overrides);
        main.run();
        return main.getExitCode();
    }

    private static int runOnce(Map<String, String> overrides) throws Exception {
        Main main = newMain(overrides);
        try {
            main.start();
            List<java.time.LocalDate> days = processOnce(main);
            Deliveries deliveries = main.lookup("deliveries", Deliveries.class);
            deliveries.writtenPaths().forEach(System.out::println);
            if (days.isEmpty()) {
                System.out.println("nothing new to publish");
            }
            boolean noFeed = main.lookup("feedReader", FeedReader.class).succeededCount() == 0;
            return noFeed || deliveries.failureCount() > 0 ? FAILED : OK;
        } finally {
            main.stop();
        }
    }

    /**
     * What {@code --once} does on a started Main: poll every feed, publish every day with unpublished items, deliver
     * what is pending, prune by retention. Returns the days published.
     */
    static List<java.time.LocalDate> processOnce(Main main) throws Exception {
        ProducerTemplate template = main.getCamelTemplate();
        template.sendBody("direct:poll-feeds", null);
        List<java.time.LocalDate> days = main.lookup("digestPublisher", DigestPublisher.class).allPendingDays();
        for (var day : days) {
            template.sendBody("direct:publish-day", day);
        }
        template.sendBody("direct:deliver-pending", null);
        main.lookup("retention", Retention.class).prune();
        return days;
    }

    /** A user's mistake or a busy state store as one line and its exit code; anything else is a bug and is thrown. */
    private static int explain(Exception e) {
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

    /** {@code resend --date YYYY-MM-DD [--channel file|mail|webhook]}: deliver a stored digest again, on purpose. */
    @Command(name = "resend", mixinStandardHelpOptions = true,
            description = "Deliver a published digest again, with a fresh idempotency key and X-Digest-Resend: true.")
    static class Resend implements Callable<Integer> {
        @Option(names = "--date", required = true, paramLabel = "YYYY-MM-DD", description = "the digest's day")
        java.time.LocalDate date;

        @Option(names = "--channel", paramLabel = "CHANNEL", description = "file, mail or webhook (default: every enabled channel)")
        String channel;

        @Override
        public Integer call() {
            Map<String, String> overrides = ONCE;
            try {
                checkSettings(overrides);
                Main main = newMain(overrides);
                try {
                    main.start();
                    Settings settings = main.lookup("settings", Settings.class);
                    List<String> channels = channel == null ? settings.channels() : List.of(channel);
                    if (channel != null && !settings.channels().contains(channel)) {
                        System.err.println("news-digest: channel '" + channel + "' is not enabled; enabled: " + settings.channels());
                        return USAGE;
                    }
                    List<String> keys = main.lookup("stateStore", StateStore.class).scheduleResend(date, channels);
                    if (keys.isEmpty()) {
                        System.err.println("news-digest: no published digest for " + date);
                        return USAGE;
                    }
                    main.getCamelTemplate().sendBody("direct:deliver-pending", null);
                    Deliveries deliveries = main.lookup("deliveries", Deliveries.class);
                    deliveries.writtenPaths().forEach(System.out::println);
                    return deliveries.failureCount() > 0 ? FAILED : OK;
                } finally {
                    main.stop();
                }
            } catch (Exception e) {
                return explain(e);
            }
        }
    }

    /** {@code status}: what the state says, read beside a running daemon without disturbing it. */
    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Print each feed's last poll, today's item count and the last digest with its delivery state per channel.")
    static class Status implements Callable<Integer> {
        @Override
        public Integer call() {
            try {
                PropertiesComponent properties = readOnlyProperties(Map.of());
                Settings settings = Settings.from(key -> properties.resolveProperty(key).orElse(null), System::getenv);
                // a running process answers for its state; otherwise the state is read directly
                var running = com.example.digest.observe.StatusChannel.ask(settings.stateDir());
                if (running.isPresent()) {
                    System.out.print(running.get());
                    return OK;
                }
                try (StateStore store = StateStore.openForReading(settings.stateDir(), settings.timezone(), java.time.Clock.systemUTC())) {
                    System.out.print(StatusReport.render(settings, store));
                }
                return OK;
            } catch (Exception e) {
                return explain(e);
            }
        }
    }

    /** {@code iocs [FILE|-]}: the IOCs of a text, as one JSON object, for analysts. */
    @Command(name = "iocs", mixinStandardHelpOptions = true,
            description = "Print the IOCs of a text (a file, or - for standard input) as one JSON object, refanged and typed.")
    static class Iocs implements Callable<Integer> {
        @Parameters(arity = "0..1", paramLabel = "FILE|-", description = "the text; standard input when absent or -")
        String file = "-";

        @Override
        public Integer call() throws IOException {
            String text;
            try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
                text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            } catch (IOException e) {
                System.err.println("news-digest: cannot read " + file + ": " + e.getMessage());
                return FAILED;
            }
            PropertiesComponent properties = readOnlyProperties(Map.of());
            var ignore = Settings.domains(properties.resolveProperty("digest.iocs.ignore-domains").orElse(Settings.DEFAULT_IGNORED_DOMAINS));
            var result = new com.example.digest.summarize.IocExtractor(ignore).byType(text);
            PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
            out.println(new ObjectMapper().writeValueAsString(result));
            return OK;
        }
    }

    /** {@code extract FILE...}: one JSON line per saved page (.html or .html.gz) with its title and main text. */
    @Command(name = "extract", mixinStandardHelpOptions = true,
            description = "Print the main text of saved pages (.html or .html.gz), one JSON line per file.")
    static class Extract implements Callable<Integer> {
        @Parameters(arity = "1..*", paramLabel = "FILE")
        List<String> files = new ArrayList<>();

        @Override
        public Integer call() {
            ObjectMapper json = new ObjectMapper();
            ArticleExtractor extractor = new ArticleExtractor();
            PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
            int status = OK;
            for (String file : files) {
                Map<String, String> line = new LinkedHashMap<>();
                line.put("source", file);
                try {
                    Path path = Path.of(file);
                    byte[] html;
                    try (InputStream in = file.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(path)) : Files.newInputStream(path)) {
                        html = in.readAllBytes();
                    }
                    ArticleExtractor.Extracted page = extractor.extract(html, null, path.toUri().toString());
                    line.put("title", page.title());
                    line.put("text", page.text());
                } catch (IOException | RuntimeException e) {
                    line.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
                    status = FAILED;
                }
                try {
                    out.println(json.writeValueAsString(line));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
            return status;
        }
    }

    static class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"news-digest " + version(DigestApplication.class, "development")
                    + " (Apache Camel " + version(CamelContext.class, "unknown")
                    + ", LangChain4j " + version(dev.langchain4j.model.chat.ChatModel.class, "unknown") + ")"};
        }

        /**
         * The version of the library that holds {@code type}, from its Maven pom.properties (kept per library in the shaded
         * jar, whose one manifest is ours); ours from that manifest.
         */
        static String version(Class<?> type, String unknown) {
            String group = type == CamelContext.class ? "org.apache.camel/camel-api"
                    : type == dev.langchain4j.model.chat.ChatModel.class ? "dev.langchain4j/langchain4j-core" : null;
            if (group != null) {
                try (InputStream in = type.getClassLoader().getResourceAsStream("META-INF/maven/" + group + "/pom.properties")) {
                    if (in != null) {
                        java.util.Properties pom = new java.util.Properties();
                        pom.load(in);
                        return pom.getProperty("version", unknown);
                    }
                } catch (IOException e) {
                    return unknown;
                }
            }
            String v = type == DigestApplication.class ? type.getPackage().getImplementationVersion() : null;
            return v == null ? unknown : v;
        }
    }
}
