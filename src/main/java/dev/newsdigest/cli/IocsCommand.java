package dev.newsdigest.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;

import dev.newsdigest.config.SettingsReader;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.camel.spi.PropertiesComponent;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code iocs [FILE|-]}: the IOCs of a text, as one JSON object, for analysts. */
@Command(name = "iocs", mixinStandardHelpOptions = true,
        description = "Print the IOCs of a text (a file, or - for standard input) as one JSON object, refanged and typed.")
public class IocsCommand implements Callable<Integer> {
    @Parameters(arity = "0..1", paramLabel = "FILE|-", description = "the text; standard input when absent or -")
    String file = "-";

    @Override
    public Integer call() throws IOException {
        String text;
        try (InputStream in = file.equals("-") ? System.in : Files.newInputStream(Path.of(file))) {
            text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            System.err.println("news-digest: cannot read " + file + ": " + e.getMessage());
            return Launch.FAILED;
        }
        PropertiesComponent properties = Launch.readOnlyProperties(Map.of());
        var ignore = new SettingsReader(key -> properties.resolveProperty(key).orElse(null)).domains("digest.iocs.ignore-domains");
        var result = new dev.newsdigest.summarize.IocExtractor(ignore).byType(text);
        PrintWriter out = new PrintWriter(System.out, true, java.nio.charset.StandardCharsets.UTF_8);
        out.println(new ObjectMapper().writeValueAsString(result));
        return Launch.OK;
    }
}
