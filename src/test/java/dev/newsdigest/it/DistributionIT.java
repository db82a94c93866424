package dev.newsdigest.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code target/news-digest-<version>.tar.gz} as an operator uses it: unpacked, {@code bin/news-digest} run from
 * another folder with a clean environment (only PATH, JAVA_HOME and an empty HOME), state and digests under the
 * install's {@code var/}, a class-data-sharing archive made by the launcher and used, mended when corrupt, and one
 * line with exit 2 when there is no Java. Never asserts a time: the machines are shared.
 */
class DistributionIT {
    private static final byte[] DYNAMIC_ARCHIVE_MAGIC = {(byte) 0xa8, (byte) 0xab, 0x0b, (byte) 0xf0}; // 0xf00baba8, little-endian

    @TempDir
    Path tmp;

    private Path home;
    private Path caller;
    private Path userHome;

    @BeforeEach
    void unpack() throws Exception {
        Path dist = Path.of(System.getProperty("digest.dist", "target/news-digest-" + version() + ".tar.gz"));
        assertThat(dist).as("build the archive first (mvn package)").isRegularFile();
        Path opt = Files.createDirectories(tmp.resolve("opt"));
        Run tar = exec(new ProcessBuilder("tar", "-xzf", dist.toAbsolutePath().toString(), "-C", opt.toString()), tmp);
        assertThat(tar.exitCode()).as(tar.stderr()).isZero();
        home = opt.resolve("news-digest-" + version());
        caller = Files.createDirectories(tmp.resolve("elsewhere"));
        userHome = Files.createDirectories(tmp.resolve("home"));
    }

    @Test
    void theArchiveHoldsTheInstallUnderOneFolder() throws Exception {
        Run list = exec(new ProcessBuilder("tar", "-tzf", System.getProperty("digest.dist")), tmp);
        String top = "news-digest-" + version() + "/";
        assertThat(list.stdout().lines().filter(l -> !l.endsWith("/")))
                .containsExactlyInAnyOrder(top + "bin/news-digest", top + "lib/news-digest.jar", top + "conf/application.properties",
                        top + "systemd/news-digest.service", top + "README");
        assertThat(home.resolve("bin/news-digest")).isExecutable();
        // every line of the project's file, keys and the lines that continue them commented out: the jar's defaults answer
        List<String> shipped = Files.readAllLines(Path.of("application.properties"));
        List<String> conf = Files.readAllLines(home.resolve("conf/application.properties"));
        assertThat(conf).noneMatch(l -> !l.isBlank() && !l.startsWith("#"));
        assertThat(conf).containsSubsequence(shipped.stream().map(l -> l.isBlank() || l.startsWith("#") ? l : "#" + l).toList());
        assertThat(Files.size(home.resolve("lib/news-digest.jar"))).isEqualTo(Files.size(Path.of(System.getProperty("digest.jar"))));
        assertThat(Files.readString(home.resolve("README"))).startsWith("news-digest " + version() + ":").contains("README.md");
    }

    @Test
    void theDemoRunsFromTheInstallThenWithTheArchiveItMadeAndAfterTheArchiveIsCorrupted() throws Exception {
        Run first = launcher(Map.of(), "--demo", "--once");
        assertThat(first.exitCode()).as(first.stderr()).isZero();
        List<String> written = first.stdout().lines().toList();
        assertThat(written).hasSize(5).allMatch(p -> p.matches("digests/(\\d{4}-\\d{2}-\\d{2}\\.(md|json|stix\\.json)|feed\\.atom|site/index\\.html)"));
        // relative to the install's var/, not to the folder it was started from
        for (String digest : written) {
            assertThat(home.resolve("var").resolve(digest)).isNotEmptyFile();
        }
        assertThat(first.stderr()).contains("output " + home.toRealPath().resolve("var/digests"));

        Run second = launcher(Map.of(), "--demo", "--once");
        assertThat(second.exitCode()).as(second.stderr()).isZero();
        Path archive = theArchive();
        assertThat(startsWithTheMagic(archive)).isTrue();
        // the JVM maps it: -Xshare:on refuses to start when it cannot
        Run mapped = exec(new ProcessBuilder(java(), "-Xshare:on", "-XX:SharedArchiveFile=" + archive, "-XX:TieredStopAtLevel=1",
                "-jar", home.resolve("lib/news-digest.jar").toString(), "--version"), caller);
        assertThat(mapped.exitCode()).as(mapped.stdout() + mapped.stderr()).isZero();

        archive.toFile().setWritable(true);
        Files.write(archive, "not an archive at all".repeat(200).getBytes(StandardCharsets.UTF_8));
        Run corrupt = launcher(Map.of(), "--demo", "--once");
        assertThat(corrupt.exitCode()).as(corrupt.stderr()).isZero();
        assertThat(corrupt.stdout().lines()).hasSize(5); // .md, .json, .stix.json, feed.atom, site/index.html
        assertThat(corrupt.stdout() + corrupt.stderr()).doesNotContainIgnoringCase("shared archive").doesNotContainIgnoringCase("[cds]");
        // the garbage is gone, and the archive made again (by the next run on Java 17 and 18, which take it over then)
        Run mended = launcher(Map.of(), "--once", "--demo");
        assertThat(mended.exitCode()).as(mended.stderr()).isZero();
        assertThat(startsWithTheMagic(theArchive())).isTrue();

        assertThat(caller).isEmptyDirectory();
        assertThat(userHome).as("nothing in HOME").isEmptyDirectory();
    }

    @Test
    void noJavaIsOneLineAndExitTwo() throws Exception {
        Path empty = Files.createDirectories(tmp.resolve("no-java"));
        Run noJavaHome = launcher(Map.of("JAVA_HOME", empty.toString(), "PATH", empty.toString()), "--demo", "--once");
        assertOneLine(noJavaHome, "news-digest: Java 17 or later is needed: JAVA_HOME is " + empty + ", which has no bin/java");

        Map<String, String> pathOnly = new HashMap<>(Map.of("PATH", empty.toString()));
        pathOnly.put("JAVA_HOME", null);
        assertOneLine(launcher(pathOnly, "--version"), "news-digest: Java 17 or later is needed: no java on PATH and JAVA_HOME is not set");

        Path old = Files.createDirectories(tmp.resolve("java11/bin"));
        Files.writeString(old.resolve("java"), "#!/bin/sh\necho 'openjdk version \"11.0.2\" 2019-01-15' >&2\n");
        old.resolve("java").toFile().setExecutable(true);
        Map<String, String> java11 = new HashMap<>(Map.of("PATH", old + File.pathSeparator + "/usr/bin:/bin"));
        java11.put("JAVA_HOME", null);
        assertOneLine(launcher(java11, "--once"), "news-digest: Java 17 or later is needed: " + old.resolve("java") + " is 11.0.2");
        assertThat(home.resolve("var")).doesNotExist();
    }

    @Test
    void aConfigurationFileThatIsNotThereIsOneLineAndExitTwo() throws Exception {
        Run r = launcher(Map.of("NEWS_DIGEST_CONF", tmp.resolve("nowhere.properties").toString()), "--once");
        assertOneLine(r, "news-digest: configuration error: news-digest.config: no readable file at " + tmp.resolve("nowhere.properties"));
    }

    @Test
    void theSystemdUnitIsOneSystemdAccepts() throws Exception {
        String unit = Files.readString(home.resolve("systemd/news-digest.service"));
        assertThat(unit.lines()).contains("DynamicUser=yes", "StateDirectory=news-digest", "NoNewPrivileges=yes", "ProtectSystem=strict",
                "ProtectHome=yes", "PrivateTmp=yes", "Restart=on-failure", "EnvironmentFile=-/etc/news-digest/news-digest.env",
                "ExecStart=/opt/news-digest/bin/news-digest");
        assertThat(unit.lines().filter(l -> l.startsWith("ReadWritePaths="))).containsExactly("ReadWritePaths=/var/lib/news-digest /var/cache/news-digest");

        boolean present = exec(new ProcessBuilder("sh", "-c", "command -v systemd-analyze"), tmp).exitCode() == 0;
        assumeTrue(present, "systemd-analyze is not installed: the unit is not verified");
        // the unit names /opt/news-digest; here the install is elsewhere, and systemd checks that ExecStart is there
        Path units = Files.createDirectories(tmp.resolve("units"));
        Path copy = Files.writeString(units.resolve("news-digest.service"), unit.replace("/opt/news-digest", home.toString()));
        Run verify = exec(new ProcessBuilder("systemd-analyze", "verify", copy.toString()), tmp);
        assertThat(verify.exitCode()).as(verify.stdout() + verify.stderr()).isZero();
        assertThat((verify.stdout() + verify.stderr()).lines().filter(l -> l.contains("news-digest"))).as("warnings on the unit").isEmpty();
    }

    @Test
    void everyKeyOfTheShippedConfigurationHasACommentAboveItOrAboveItsGroup() throws Exception {
        List<String> uncommented = new ArrayList<>();
        boolean commented = false;
        boolean continued = false;
        for (String line : Files.readAllLines(Path.of("application.properties"))) { // what conf/ ships, commented out
            String s = line.strip();
            if (continued) {
                continued = s.endsWith("\\");
            } else if (s.isEmpty()) {
                commented = false;
            } else if (s.startsWith("#")) {
                commented = !s.startsWith("# ----"); // a section's heading is not a key's comment
            } else {
                if (!commented) {
                    uncommented.add(s.split("=", 2)[0]);
                }
                continued = s.endsWith("\\");
            }
        }
        assertThat(uncommented).isEmpty();
    }

    private Path theArchive() throws IOException {
        try (Stream<Path> files = Files.list(home.resolve("var/cache/cds"))) {
            List<Path> all = files.toList();
            assertThat(all).as("one archive, nothing left over").hasSize(1);
            assertThat(all.get(0).getFileName().toString()).startsWith("news-digest-").endsWith(".jsa");
            return all.get(0);
        }
    }

    private static boolean startsWithTheMagic(Path archive) throws IOException {
        try (InputStream in = Files.newInputStream(archive)) {
            byte[] head = in.readNBytes(4);
            return java.util.Arrays.equals(head, DYNAMIC_ARCHIVE_MAGIC)
                    || java.util.Arrays.equals(head, new byte[] {(byte) 0xf0, 0x0b, (byte) 0xab, (byte) 0xa8}); // big-endian machines
        }
    }

    private static void assertOneLine(Run r, String line) {
        assertThat(r.exitCode()).as(r.stderr()).isEqualTo(2);
        assertThat(r.stderr()).isEqualTo(line + "\n");
        assertThat(r.stdout()).isEmpty();
    }

    /** bin/news-digest from a folder of its own, with only PATH, JAVA_HOME (the test's own Java) and an empty HOME set. */
    private Run launcher(Map<String, String> env, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/news-digest").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command);
        Map<String, String> environment = pb.environment();
        environment.clear();
        environment.put("PATH", "/usr/bin:/bin");
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("HOME", userHome.toString());
        env.forEach((k, v) -> {
            if (v == null) {
                environment.remove(k);
            } else {
                environment.put(k, v);
            }
        });
        return exec(pb, caller);
    }

    private static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static String version() {
        return System.getProperty("digest.version", "0.1.0");
    }

    private Run exec(ProcessBuilder pb, Path dir) throws Exception {
        String name = "proc-" + java.util.UUID.randomUUID();
        Path logs = Files.createDirectories(tmp.resolve("logs"));
        pb.directory(dir.toFile());
        pb.redirectOutput(logs.resolve(name + ".out").toFile());
        pb.redirectError(logs.resolve(name + ".err").toFile());
        Process p = pb.start();
        if (!p.waitFor(5, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError(String.join(" ", pb.command()) + " did not finish within 5 minutes");
        }
        return new Run(p.exitValue(), Files.readString(logs.resolve(name + ".out")), Files.readString(logs.resolve(name + ".err")));
    }

    private record Run(int exitCode, String stdout, String stderr) {
    }
}
