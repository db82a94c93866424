package dev.newsdigest.fetch;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;

import org.apache.hc.core5.concurrent.Cancellable;
import org.apache.hc.core5.http.HttpEntity;

/**
 * An answer's body, read within a size cap and a deadline: what lies beyond the cap is never read (the request is
 * cancelled instead, so that its connection is dropped), and {@code truncated} says there was more.
 */
record CappedBody(byte[] bytes, boolean truncated) {
    private static final CappedBody EMPTY = new CappedBody(new byte[0], false);

    /** Reads at most {@code maxBytes} of {@code entity}; past {@code until} (epoch millis) the request is cancelled. */
    static CappedBody read(HttpEntity entity, Cancellable request, long maxBytes, long until) throws IOException {
        if (entity == null) {
            return EMPTY;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream((int) Math.min(64 * 1024, maxBytes + 1));
        byte[] buffer = new byte[16 * 1024];
        try (InputStream in = entity.getContent()) {
            int n;
            while ((n = in.read(buffer)) != -1) {
                if (System.currentTimeMillis() >= until) {
                    request.cancel();
                    throw new InterruptedIOException("deadline");
                }
                long room = maxBytes - out.size();
                if (n > room) {
                    out.write(buffer, 0, (int) room);
                    request.cancel(); // the rest is never read
                    return new CappedBody(out.toByteArray(), true);
                }
                out.write(buffer, 0, n);
            }
        }
        return new CappedBody(out.toByteArray(), false);
    }
}
