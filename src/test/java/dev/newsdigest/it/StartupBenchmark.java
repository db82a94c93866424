package dev.newsdigest.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import dev.newsdigest.support.WebServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code mvn -B -Pbench verify}: the wall time of a {@code --once} with nothing to do, as a user runs it from cron: one
 * feed that answers 304 (its ETag was kept by the first run), the offline provider, a state folder that already holds
 * everything. Runs the real jar as a process, plain and with a class-data-sharing archive of the run's own classes,
 * and the installed launcher ({@code bin/news-digest} of {@code target/news-digest-<version>.tar.gz}, which makes and
 * uses its own archive) with its options and with the optimising compiler left on; prints each run and the median of
 * {@value #RUNS} for each. Not part of {@code mvn verify}: the machines are shared and the figure is measured, not asserted.
 */
class StartupBenchmark {
    private static final int RUNS = 5;

    @TempDir
    Path work;

    @Test
    void aNoOpOnceRunTakesItsMedianWallTime() throws Exception {
        try (WebServer web = new WebServer()) {
            web.serveResource("/news.rss", "application/rss+xml", "fixtures/news.rss").etag("/news.rss", "\"v1\"");
            Files.writeString(work.resolve("application.properties"), String.join("\n",
                    "digest.feeds=news", "digest.feed.news.url=" + web.url("/news.rss"), "digest.max-item-age=36500d",
                    "digest.fetch.allow-private-addresses=true", ""));
            // the first run fills the state and keeps the ETag; it also writes a class-data-sharing archive of the classes
            // a run loads (JDK 13+), for the second series below
            Path archive = work.resolve("news-digest.jsa");
            JarProcess.Result first = new JarProcess(work).jvm("-XX:ArchiveClassesAtExit=" + archive).run("--once");
            assertThat(first.exitCode()).as(first.stderr()).isZero();
            // the version flag alone: what a JVM and the jar cost before any of the application runs
            long version = time(() -> new JarProcess(work).run("--version"));

            List<Long> plain = series(work, List.of());
            List<Long> shared = series(work, List.of("-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1"));

            // the install: its own state and archive in var/, the same settings as its configuration
            Path home = unpack(work.resolve("opt"));
            Map<String, String> env = Map.of("NEWS_DIGEST_CONF", work.resolve("application.properties").toString());
            List<Long> launcher = launcherSeries(home, env);
            // the same with the optimising compiler on (a JVM option of its own: an archive of its own too)
            List<Long> launcherC2 = launcherSeries(home, Map.of("NEWS_DIGEST_CONF", env.get("NEWS_DIGEST_CONF"),
                    "NEWS_DIGEST_JAVA_OPTS", "-XX:TieredStopAtLevel=4"));
            long launcherVersion = time(() -> launcher(home, env, "--version"));

            assertThat(web.hits("/news.rss")).isEqualTo(4 * RUNS + 3);
            System.out.printf("no-op --once (one feed answering 304, offline provider): java -jar: runs %s ms, median %d ms;"
                    + " with -XX:SharedArchiveFile and -XX:TieredStopAtLevel=1: runs %s ms, median %d ms; --version %d ms%n",
                    plain, median(plain), shared, median(shared), version);
            System.out.printf("installed bin/news-digest --once (its archive made by a first run): runs %s ms, median %d ms;"
                    + " with -XX:TieredStopAtLevel=4 (C2 on): runs %s ms, median %d ms; bin/news-digest --version %d ms%n",
                    launcher, median(launcher), launcherC2, median(launcherC2), launcherVersion);
        }
    }

    private static List<Long> series(Path work, List<String> jvm) throws Exception {
        List<Long> walls = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            JarProcess process = new JarProcess(work);
            jvm.forEach(process::jvm);
            JarProcess.Result[] r = new JarProcess.Result[1];
            walls.add(time(() -> r[0] = process.run("--once")));
            assertThat(r[0].exitCode()).as(r[0].stderr()).isZero();
            assertThat(r[0].stderr()).contains("not modified (304)").doesNotContain("shared archive");
            assertThat(r[0].stdout()).contains("nothing new to publish");
        }
        return walls;
    }

    /** A first run (state, and the archive), then {@value #RUNS} timed no-op runs of the installed launcher. */
    private static List<Long> launcherSeries(Path home, Map<String, String> env) throws Exception {
        JarProcess.Result first = launcher(home, env, "--once");
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        List<Long> walls = new ArrayList<>();
        for (int i = 0; i < RUNS; i++) {
            JarProcess.Result[] r = new JarProcess.Result[1];
            walls.add(time(() -> r[0] = launcher(home, env, "--once")));
            assertThat(r[0].exitCode()).as(r[0].stderr()).isZero();
            assertThat(r[0].stderr()).contains("not modified (304)");
            assertThat(r[0].stdout()).contains("nothing new to publish");
        }
        try (var archives = Files.list(home.resolve("var/cache/cds"))) {
            assertThat(archives.map(p -> p.getFileName().toString()).toList()).as("the archive the runs used").singleElement()
                    .matches(name -> name.endsWith(".jsa"));
        }
        return walls;
    }

    private static Path unpack(Path into) throws Exception {
        Files.createDirectories(into);
        String dist = System.getProperty("digest.dist");
        Process tar = new ProcessBuilder("tar", "-xzf", dist, "-C", into.toString()).inheritIO().start();
        assertThat(tar.waitFor(2, TimeUnit.MINUTES) && tar.exitValue() == 0).as("tar -xzf " + dist).isTrue();
        return into.resolve("news-digest-" + System.getProperty("digest.version"));
    }

    /** bin/news-digest with a clean environment: PATH, JAVA_HOME (this JVM's), HOME, and {@code env}. */
    private static JarProcess.Result launcher(Path home, Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/news-digest").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        pb.environment().clear();
        pb.environment().putAll(Map.of("PATH", "/usr/bin:/bin", "JAVA_HOME", System.getProperty("java.home"), "HOME", home.toString()));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(home, "run", ".out");
        Path err = Files.createTempFile(home, "run", ".err");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("bin/news-digest " + String.join(" ", args) + " did not finish");
        }
        return new JarProcess.Result(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private static long median(List<Long> walls) {
        return walls.stream().sorted().toList().get(RUNS / 2);
    }

    private interface Run {
        void run() throws Exception;
    }

    private static long time(Run run) throws Exception {
        long t0 = System.nanoTime();
        run.run();
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
