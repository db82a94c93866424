package dev.newsdigest.it;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs {@code target/news-digest.jar} as a real process in a working directory of its own. */
final class JarProcess {
    private final Path workDir;
    private final Map<String, String> env = new HashMap<>();
    // a daemon's health and metrics server takes any free port, so that tests never collide on 8080; its TAXII server,
    // which would take 9443 in every daemon, is off (the Taxii*Test tests start it)
    private final List<String> jvmArgs = new ArrayList<>(List.of("-Ddigest.http.port=0", "-Ddigest.taxii.enabled=false"));
    private final String logName = "run-" + java.util.UUID.randomUUID();

    JarProcess(Path workDir) {
        this.workDir = workDir;
    }

    JarProcess env(String name, String value) {
        env.put(name, value);
        return this;
    }

    JarProcess jvm(String arg) {
        jvmArgs.add(arg);
        return this;
    }

    Process start(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        command.addAll(jvmArgs);
        command.add("-jar");
        command.add(jar());
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile());
        // a developer's own model settings must not leak into the test
        pb.environment().keySet().removeIf(k -> k.startsWith("DIGEST_") || k.equals("OPENAI_API_KEY") || k.equals("ANTHROPIC_API_KEY"));
        pb.environment().putAll(env);
        pb.redirectOutput(workDir.resolve(logName + ".out").toFile());
        pb.redirectError(workDir.resolve(logName + ".err").toFile());
        try {
            return pb.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Result run(String... args) throws InterruptedException {
        Process p = start(args);
        if (!p.waitFor(3, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new AssertionError("news-digest " + String.join(" ", args) + " did not finish");
        }
        return new Result(p.exitValue(), stdout(), stderr());
    }

    String stdout() {
        return read(logName + ".out");
    }

    String stderr() {
        return read(logName + ".err");
    }

    private String read(String name) {
        try {
            File f = workDir.resolve(name).toFile();
            return f.exists() ? Files.readString(f.toPath(), StandardCharsets.UTF_8) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String jar() {
        String jar = System.getProperty("digest.jar", "target/news-digest.jar");
        if (!new File(jar).isFile()) {
            throw new IllegalStateException("build the jar first (mvn package): " + jar);
        }
        return jar;
    }

    record Result(int exitCode, String stdout, String stderr) {
    }
}
