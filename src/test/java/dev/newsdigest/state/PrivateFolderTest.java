package dev.newsdigest.state;

import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class PrivateFolderTest {
    @TempDir
    Path dir;

    @Test
    void reasonsAreNamedInWords() {
        assertThat(PrivateFolder.reason(new AccessDeniedException("/srv/data/writer.lock"))).isEqualTo("permission denied");
        assertThat(PrivateFolder.reason(new FileSystemException("/srv/data/writer.lock", null, "Read-only file system")))
                .isEqualTo("read-only file system");
        assertThat(PrivateFolder.reason(new NoSuchFileException("/srv/data"))).isEqualTo("missing (/srv/data)");
    }

    @Test
    void theStateFolderAndEverythingInItBelongToTheOwnerOnly() throws Exception {
        Path state = dir.resolve("state");
        try (StateStore store = new StateStore(state, java.time.ZoneId.of("UTC"), java.time.Duration.ofMinutes(1), java.time.Clock.systemUTC())) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
            try (var files = Files.list(state)) {
                assertThat(files.filter(Files::isRegularFile).toList()).isNotEmpty()
                        .allSatisfy(f -> assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(f))).as(f.toString()).isEqualTo("rw-------"));
            }
        }
    }

    @Test
    void aStateFolderMadeByAnEarlierReleaseIsClosedUp() throws Exception {
        Path state = Files.createDirectory(dir.resolve("old"), PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        Path old = Files.writeString(state.resolve("leftover.txt"), "x");
        Files.setPosixFilePermissions(old, PosixFilePermissions.fromString("rw-r--r--"));
        new StateStore(state, java.time.ZoneId.of("UTC"), java.time.Duration.ofMinutes(1), java.time.Clock.systemUTC()).close();
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(state))).isEqualTo("rwx------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(old))).isEqualTo("rw-------");
    }
}
