package dev.newsdigest.cve;

import java.util.List;

/**
 * One GET the CVE route makes: to {@code source} ({@code nvd}, {@code record}, {@code kev}, {@code epss},
 * {@code jvn}) for the items {@code keys} (CVE ids; {@code catalog} for KEV), with the validators of the stored answer
 * when there is a single one to revalidate.
 */
public record CveRequest(String source, List<String> keys, String url, String accept, String etag, String lastModified) {
    @Override
    public String toString() {
        return source + " " + (keys.size() == 1 ? keys.get(0) : keys.size() + " ids");
    }
}
