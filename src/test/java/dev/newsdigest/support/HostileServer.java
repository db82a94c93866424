package dev.newsdigest.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A server that answers as a hostile or broken API does, on plain sockets so that nothing is buffered or framed for it:
 * per path prefix, {@link Mode#HUGE} (200 and 200 MB with no Content-Length, until the client hangs up),
 * {@link Mode#DRIP} (the whole answer, status line included, one byte a second), or {@link Mode#CLOSE_AFTER_LARGE}
 * (a Content-Length of 20 MB, 9 MiB sent, then the connection closed). A path with no mode answers {@code fallback}.
 */
public final class HostileServer implements AutoCloseable {
    public enum Mode { HUGE, DRIP, CLOSE_AFTER_LARGE }

    /** What a path answers when it is not hostile: a status and a JSON body. */
    public record Answer(int status, String json) {
    }

    private final ServerSocket socket;
    private final ExecutorService threads = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "hostile-server");
        t.setDaemon(true);
        return t;
    });
    private final ScheduledExecutorService pacer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hostile-server-drip");
        t.setDaemon(true);
        return t;
    });
    private final Map<String, Mode> modes = new ConcurrentHashMap<>();
    private final Map<String, Answer> answers = new ConcurrentHashMap<>();
    private final AtomicLong sent = new AtomicLong();
    private final AtomicLong requests = new AtomicLong();
    private final AtomicLong hostileRequests = new AtomicLong();
    private final AtomicLong largest = new AtomicLong();
    /** Bytes written on the connection this thread serves. */
    private final ThreadLocal<long[]> connection = ThreadLocal.withInitial(() -> new long[1]);
    private volatile boolean closed;

    public HostileServer() {
        try {
            socket = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        threads.submit(this::accept);
    }

    public String url(String path) {
        return "http://127.0.0.1:" + socket.getLocalPort() + path;
    }

    /** From now on requests whose path starts with {@code prefix} get {@code mode}. */
    public HostileServer hostile(String prefix, Mode mode) {
        modes.put(prefix, mode);
        return this;
    }

    /** Requests whose path starts with {@code prefix}, when not hostile, get this answer (else 404 with an empty JSON object). */
    public HostileServer answer(String prefix, int status, String json) {
        answers.put(prefix, new Answer(status, json));
        return this;
    }

    /** Bytes written to clients, all connections together. */
    public long bytesSent() {
        return sent.get();
    }

    public long requests() {
        return requests.get();
    }

    /** Requests that were answered in a hostile mode. */
    public long hostileRequests() {
        return hostileRequests.get();
    }

    /**
     * The most bytes written on one connection: a client that stops reading at its cap leaves the server at most the
     * cap plus what the sockets' buffers on both sides hold (a few MiB on loopback).
     */
    public long largestAnswer() {
        return largest.get();
    }

    private void accept() {
        while (!closed) {
            try {
                Socket client = socket.accept();
                threads.submit(() -> serve(client));
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        boolean handedOn = false;
        connection.get()[0] = 0;
        try {
            InputStream in = client.getInputStream();
            OutputStream out = client.getOutputStream();
            String path = readRequest(in);
            if (path == null) {
                return;
            }
            requests.incrementAndGet();
            Mode mode = modes.entrySet().stream().filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst().orElse(null);
            if (mode == null) {
                Answer a = answers.entrySet().stream().filter(e -> path.startsWith(e.getKey())).map(Map.Entry::getValue).findFirst()
                        .orElse(new Answer(404, "{}"));
                byte[] body = a.json().getBytes(StandardCharsets.UTF_8);
                write(out, ("HTTP/1.1 " + a.status() + " X\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                        + "\r\nConnection: close\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
                write(out, body);
                return;
            }
            hostileRequests.incrementAndGet();
            switch (mode) {
                case HUGE -> {
                    write(out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nConnection: close\r\n\r\n[".getBytes(StandardCharsets.US_ASCII));
                    filler(out, 200L << 20);
                }
                case DRIP -> {
                    drip(client, out, "HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: 2\r\n\r\n{}"
                            .getBytes(StandardCharsets.US_ASCII), 0);
                    handedOn = true; // the pacer writes the rest and closes
                }
                case CLOSE_AFTER_LARGE -> {
                    write(out, ("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: " + (20L << 20) + "\r\n\r\n[")
                            .getBytes(StandardCharsets.US_ASCII));
                    filler(out, 9L << 20);
                }
                default -> throw new IllegalStateException();
            }
        } catch (IOException e) {
            // the client hung up: what a guarded client does
        } finally {
            largest.accumulateAndGet(connection.get()[0], Math::max);
            if (!handedOn) {
                closeQuietly(client);
            }
        }
    }

    /** Writes {@code answer[next]} and schedules the next byte a second later: the server's own pace, not a test's wait. */
    private void drip(Socket client, OutputStream out, byte[] answer, int next) {
        try {
            write(out, new byte[] {answer[next]});
            if (next + 1 < answer.length && !closed) {
                pacer.schedule(() -> drip(client, out, answer, next + 1), 1, TimeUnit.SECONDS);
                return;
            }
        } catch (IOException e) {
            // the client hung up
        }
        closeQuietly(client);
    }

    private static void closeQuietly(Socket client) {
        try {
            client.close();
        } catch (IOException ignored) {
            // already closed
        }
    }

    private void filler(OutputStream out, long total) throws IOException {
        byte[] piece = new byte[64 * 1024];
        java.util.Arrays.fill(piece, (byte) ' ');
        for (long n = 0; n < total && !closed; n += piece.length) {
            write(out, piece);
        }
    }

    private void write(OutputStream out, byte[] bytes) throws IOException {
        out.write(bytes);
        out.flush();
        sent.addAndGet(bytes.length);
        connection.get()[0] += bytes.length;
    }

    /** Reads the request line and headers (and a body of Content-Length bytes); returns the path. */
    private static String readRequest(InputStream in) throws IOException {
        StringBuilder head = new StringBuilder();
        int b;
        while ((b = in.read()) != -1) {
            head.append((char) b);
            if (head.length() >= 4 && head.substring(head.length() - 4).equals("\r\n\r\n")) {
                break;
            }
            if (head.length() > 65536) {
                return null;
            }
        }
        String[] lines = head.toString().split("\r\n");
        if (lines.length == 0 || lines[0].split(" ").length < 2) {
            return null;
        }
        for (String line : lines) {
            if (line.toLowerCase(java.util.Locale.ROOT).startsWith("content-length:")) {
                long length = Long.parseLong(line.substring(15).trim());
                in.readNBytes((int) Math.min(length, 1 << 24));
            }
        }
        return lines[0].split(" ")[1];
    }

    @Override
    public void close() {
        closed = true;
        try {
            socket.close();
        } catch (IOException ignored) {
            // closing
        }
        threads.shutdownNow();
        pacer.shutdownNow();
    }
}
