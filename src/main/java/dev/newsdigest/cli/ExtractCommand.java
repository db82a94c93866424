package dev.newsdigest.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.zip.GZIPInputStream;

import dev.newsdigest.enrich.ArticleExtractor;
import com.fasterxml.jackson.databind.ObjectMapper;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code extract FILE...}: one JSON line per saved page (.html or .html.gz) with its title and main text. */
@Command(name = "extract", mixinStandardHelpOptions = true,
        description = "Print the main text of saved pages (.html or .html.gz), one JSON line per file.")
public class ExtractCommand implements Callable<Integer> {
    @Parameters(arity = "1..*", paramLabel = "FILE")
    List<String> files = new ArrayList<>();

    @Override
    public Integer call() {
        ObjectMapper json = new ObjectMapper();
        ArticleExtractor extractor = new ArticleExtractor();
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        int status = Launch.OK;
        for (String file : files) {
            Map<String, String> line = new LinkedHashMap<>();
            line.put("source", file);
            try {
                Path path = Path.of(file);
                byte[] html;
                try (InputStream in = file.endsWith(".gz") ? new GZIPInputStream(Files.newInputStream(path)) : Files.newInputStream(path)) {
                    html = in.readAllBytes();
                }
                ArticleExtractor.Extracted page = extractor.extract(html, null, path.toUri().toString());
                line.put("title", page.title());
                line.put("text", page.text());
            } catch (IOException | RuntimeException e) {
                line.put("error", e.getClass().getSimpleName() + ": " + e.getMessage());
                status = Launch.FAILED;
            }
            try {
                out.println(json.writeValueAsString(line));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
        }
        return status;
    }
}
