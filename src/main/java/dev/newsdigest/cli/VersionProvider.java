package dev.newsdigest.cli;

import java.io.IOException;
import java.io.InputStream;

import org.apache.camel.CamelContext;
import picocli.CommandLine;

/** {@code --version}: ours, and the versions of the Camel and LangChain4j the jar carries. */
public class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"news-digest " + ours("development")
                + " (Apache Camel " + library("org.apache.camel/camel-api", CamelContext.class, "unknown")
                + ", LangChain4j " + library("dev.langchain4j/langchain4j-core", dev.langchain4j.model.chat.ChatModel.class, "unknown") + ")"};
    }

    /** Our version, from the manifest of the jar this class is in (in the shaded jar, every package's is the one manifest: ours). */
    static String ours(String unknown) {
        String v = VersionProvider.class.getPackage().getImplementationVersion();
        return v == null ? unknown : v;
    }

    /**
     * The version of the library {@code group} ({@code groupId/artifactId}) that holds {@code type}, from its Maven
     * pom.properties (kept per library in the shaded jar, whose one manifest is ours).
     */
    static String library(String group, Class<?> type, String unknown) {
        try (InputStream in = type.getClassLoader().getResourceAsStream("META-INF/maven/" + group + "/pom.properties")) {
            if (in != null) {
                java.util.Properties pom = new java.util.Properties();
                pom.load(in);
                return pom.getProperty("version", unknown);
            }
        } catch (IOException e) {
            return unknown;
        }
        return unknown;
    }
}
