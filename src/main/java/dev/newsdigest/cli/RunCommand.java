package dev.newsdigest.cli;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.newsdigest.delivery.Deliveries.RunOutcome;
import dev.newsdigest.demo.DemoServer;
import dev.newsdigest.observe.LogSetup;
import org.apache.camel.main.Main;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code news-digest [--once] [--demo] [--verbose]}: run continuously (poll on a timer, publish every morning), or once.
 * Exit codes: 0 it ran; 1 no feed could be read or a delivery failed; 2 bad configuration or usage.
 */
@Command(name = "news-digest", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        description = "Polls security-news feeds, summarises each article and publishes a daily digest.",
        subcommands = {StatusCommand.class, ExtractCommand.class, ResendCommand.class, IocsCommand.class})
public class RunCommand implements Callable<Integer> {
    @Option(names = "--once", description = "Poll every feed once, process, publish every day with unpublished items, exit.")
    boolean once;

    @Option(names = "--demo", description = "Use bundled sample feeds and pages served from a local port (no network, no key).")
    boolean demo;

    @Option(names = "--verbose", description = "Log Camel's own start-up, configuration and route lines too.")
    boolean verbose;

    @Override
    public Integer call() throws Exception {
        Map<String, String> overrides = new LinkedHashMap<>();
        DemoServer demoServer = null;
        if (demo) {
            demoServer = DemoServer.start();
            overrides.putAll(demoServer.settings());
        }
        if (once) {
            overrides.putAll(Launch.ONCE);
        }
        if (verbose) {
            overrides.put("camel.main.startup-summary-level", "Default");
        }
        try {
            if (verbose) {
                LogSetup.verbose();
            }
            if (once) {
                // a mistake in the settings stops Camel's start with one ConfigException, reported as one line below
                Launch.refuseSecretsOutsideTheEnvironment();
                return runOnce(overrides);
            }
            Launch.checkSettings(overrides); // before the daemon starts, so that a mistake is one line, not a failed start
            return runContinuously(overrides);
        } catch (Exception | Error e) {
            FatalErrors.haltOnError(e, System.err);
            return Launch.explain((Exception) e);
        } finally {
            if (demoServer != null) {
                demoServer.close();
            }
        }
    }

    private static int runContinuously(Map<String, String> overrides) throws Exception {
        Main main = Launch.newMain(overrides);
        main.run();
        return main.getExitCode();
    }

    /** Starts Camel, sends one message to {@code direct:run-once}, and reports its outcome. */
    private static int runOnce(Map<String, String> overrides) throws Exception {
        Main main = Launch.newMain(overrides);
        try {
            main.start();
            RunOutcome outcome = Launch.runOnce(main, true, true);
            outcome.written().forEach(System.out::println);
            if (outcome.published().isEmpty()) {
                System.out.println("nothing new to publish");
            }
            return outcome.feedsRead() == 0 || outcome.deliveryFailures() > 0 ? Launch.FAILED : Launch.OK;
        } finally {
            main.stop();
        }
    }
}
