package dev.newsdigest.state;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The state folder belongs to the user who runs the digest: created 0700, its files 0600, so that no other local
 * account can read the articles and deliveries or change them. Where the file system has no POSIX permissions
 * (Windows), nothing is changed.
 */
final class PrivateFolder {
    private static final Logger LOG = LoggerFactory.getLogger(PrivateFolder.class);
    static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");

    private PrivateFolder() {
    }

    /** Creates {@code dir} (and its parents) if missing, and makes it 0700; names the reason when it cannot. */
    static void create(Path dir) {
        try {
            if (!Files.isDirectory(dir)) {
                Path parent = dir.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                if (posix(parent == null ? dir.toAbsolutePath().getRoot() : parent)) {
                    Files.createDirectory(dir, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
                } else {
                    Files.createDirectory(dir);
                }
            }
            if (posix(dir)) {
                Files.setPosixFilePermissions(dir, OWNER_ONLY_DIR);
            }
        } catch (IOException e) {
            throw new StateStore.StateUnusableException("cannot use the state folder " + dir.toAbsolutePath() + ": " + reason(e));
        }
    }

    /** Every file under {@code dir} 0600 and every folder 0700: those H2 and earlier releases made with the umask's modes. */
    static void restrict(Path dir) {
        if (!posix(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir, 4)) {
            for (Path p : (Iterable<Path>) paths::iterator) {
                if (Files.isSymbolicLink(p)) {
                    continue;
                }
                Files.setPosixFilePermissions(p, Files.isDirectory(p) ? OWNER_ONLY_DIR : OWNER_ONLY_FILE);
            }
        } catch (IOException | java.io.UncheckedIOException e) {
            LOG.warn("Could not make everything in the state folder {} private to its owner: {}", dir.toAbsolutePath(), e.getMessage());
        }
    }

    private static boolean posix(Path p) {
        return p != null && Files.getFileAttributeView(p, java.nio.file.attribute.PosixFileAttributeView.class) != null;
    }

    /** The reason in words: permission denied, read-only file system, missing, or what the system said. */
    static String reason(IOException e) {
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof NoSuchFileException) {
            return "missing (" + e.getMessage() + ")";
        }
        if (e instanceof java.nio.file.FileAlreadyExistsException) {
            return "a file is in the way (" + e.getMessage() + ")";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason().toLowerCase(java.util.Locale.ROOT); // e.g. "read-only file system"
        }
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }
}
