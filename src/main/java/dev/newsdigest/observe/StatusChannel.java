package dev.newsdigest.observe;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * How {@code status} reads beside the process that holds the state: that process answers the status report on a Unix
 * domain socket, {@code <state>/status.sock}, inside the owner-only state folder. Only the owner's processes can reach
 * it; there is no network port and no database server, and the socket answers nothing but the report.
 */
public final class StatusChannel implements AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(StatusChannel.class);
    static final String SOCKET = "status.sock";

    private final ServerSocketChannel server;
    private final Path path;
    private final Thread acceptor;

    private StatusChannel(ServerSocketChannel server, Path path, Supplier<String> report) {
        this.server = server;
        this.path = path;
        this.acceptor = new Thread(() -> serve(report), "status-channel");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    /** Serves {@code report} on the state folder's socket; empty (with a WARN line) when the socket cannot be made. */
    public static Optional<StatusChannel> open(Path stateDir, Supplier<String> report) {
        Path path = stateDir.toAbsolutePath().resolve(SOCKET);
        try {
            Files.deleteIfExists(path); // left by a killed process: this process holds the state now
            ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(path));
            if (Files.getFileAttributeView(path, java.nio.file.attribute.PosixFileAttributeView.class) != null) {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rw-------"));
            }
            return Optional.of(new StatusChannel(server, path, report));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            LOG.warn("status beside this process is unavailable: cannot open {} ({})", path, e.getMessage());
            return Optional.empty();
        }
    }

    /** The report of the process that holds the state in {@code stateDir}, if one answers. */
    public static Optional<String> ask(Path stateDir) {
        Path path = stateDir.toAbsolutePath().resolve(SOCKET);
        if (!Files.exists(path)) {
            return Optional.empty();
        }
        try (SocketChannel channel = SocketChannel.open(UnixDomainSocketAddress.of(path));
             InputStream in = Channels.newInputStream(channel)) {
            return Optional.of(new String(in.readNBytes(1 << 20), StandardCharsets.UTF_8));
        } catch (IOException | UnsupportedOperationException | IllegalArgumentException e) {
            return Optional.empty(); // nobody listens: the socket of a process that was killed
        }
    }

    private void serve(Supplier<String> report) {
        while (server.isOpen()) {
            try (SocketChannel client = server.accept()) {
                String text;
                try {
                    text = report.get();
                } catch (RuntimeException e) {
                    text = "status: the running process could not read its state: " + e.getMessage() + "\n";
                }
                ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                while (bytes.hasRemaining()) {
                    client.write(bytes);
                }
            } catch (IOException e) {
                if (server.isOpen()) {
                    LOG.debug("status channel: {}", e.getMessage());
                }
            }
        }
    }

    @Override
    public void close() {
        try {
            server.close();
            Files.deleteIfExists(path);
        } catch (IOException e) {
            LOG.debug("status channel: {}", e.getMessage());
        }
    }
}
