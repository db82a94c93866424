package dev.newsdigest.it;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Another local account trying the state folder. Run as root (as CI is), the attempts are made as {@code nobody} through
 * {@code setpriv}; otherwise as the same user nothing can be shown that the permissions do not already say, and only
 * the permission bits are checked by the caller.
 */
final class OtherUser {
    private OtherUser() {
    }

    static void assertCannotReadOrChange(Path state) throws Exception {
        if (!"root".equals(System.getProperty("user.name")) || !Files.isExecutable(Path.of("/usr/bin/setpriv"))) {
            System.out.println("OtherUser: not root or no setpriv: permission bits checked only");
            return;
        }
        Path db = state.resolve("digest.mv.db");
        assertThat(db).exists();
        // the file itself is 0600 and the folder 0700: listing, reading, writing and connecting to the socket all fail
        assertThat(runAsNobody("ls", state.toString())).isNotZero();
        assertThat(runAsNobody("cat", db.toString())).isNotZero();
        assertThat(runAsNobody("sh", "-c", "echo x >> '" + db + "'")).isNotZero();
        assertThat(runAsNobody("test", "-e", state.resolve("status.sock").toString())).isNotZero(); // the socket cannot even be seen
        // and the same commands as this user do work: the checks above fail for the permissions, not for a typo
        assertThat(new ProcessBuilder("cat", db.toString()).redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor()).isZero();
        assertThat(new ProcessBuilder("test", "-e", state.resolve("status.sock").toString()).start().waitFor()).isZero();
    }

    private static int runAsNobody(String... command) throws Exception {
        List<String> full = new java.util.ArrayList<>(List.of("/usr/bin/setpriv", "--reuid=65534", "--regid=65534", "--clear-groups", "--"));
        full.addAll(List.of(command));
        Process p = new ProcessBuilder(full).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }
}
