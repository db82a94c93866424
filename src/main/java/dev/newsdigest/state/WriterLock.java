package dev.newsdigest.state;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * The single-writer guarantee: an operating-system lock on {@code <state>/writer.lock}, held for the life of the
 * process and released by the OS even when the process is killed. A second writer waits briefly (a status command
 * may hold it for a moment) and is then refused with {@link StateStore.StateInUseException}.
 */
final class WriterLock implements AutoCloseable {
    private static final long WAIT_MILLIS = 3000;

    private final FileChannel channel;
    private final FileLock lock;

    private WriterLock(FileChannel channel, FileLock lock) {
        this.channel = channel;
        this.lock = lock;
    }

    /** The lock if it is free now, else null: a reader that finds no writer keeps writers out while it reads. */
    static WriterLock tryAcquire(Path stateDir) {
        try {
            return acquire(stateDir, 0);
        } catch (StateStore.StateInUseException e) {
            return null;
        }
    }

    static WriterLock acquire(Path stateDir) {
        return acquire(stateDir, WAIT_MILLIS);
    }

    private static WriterLock acquire(Path stateDir, long waitMillis) {
        Path file = stateDir.resolve("writer.lock");
        FileChannel channel = null;
        try {
            channel = Files.exists(file) || Files.getFileAttributeView(stateDir, java.nio.file.attribute.PosixFileAttributeView.class) == null
                    ? FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)
                    : FileChannel.open(file, java.util.Set.of(StandardOpenOption.CREATE, StandardOpenOption.WRITE),
                            java.nio.file.attribute.PosixFilePermissions.asFileAttribute(PrivateFolder.OWNER_ONLY_FILE));
            long giveUp = System.currentTimeMillis() + waitMillis;
            while (true) {
                FileLock lock = tryLock(channel);
                if (lock != null) {
                    return new WriterLock(channel, lock);
                }
                if (System.currentTimeMillis() >= giveUp) {
                    channel.close();
                    throw new StateStore.StateInUseException("the state in " + stateDir.toAbsolutePath()
                            + " is in use by another running news-digest; only one process may write it");
                }
                Thread.sleep(100);
            }
        } catch (IOException e) {
            closeQuietly(channel);
            throw new StateStore.StateUnusableException("cannot lock " + file.toAbsolutePath() + ": " + PrivateFolder.reason(e));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            closeQuietly(channel);
            throw new StateStore.StateUnusableException("interrupted while waiting for " + file.toAbsolutePath());
        }
    }

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException e) {
            return null; // held by this very process (a second store in one JVM): refused like another process
        }
    }

    @Override
    public void close() {
        try {
            lock.release();
        } catch (IOException ignored) {
            // the channel closes below, which releases the lock anyway
        }
        closeQuietly(channel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing more to release
            }
        }
    }
}
