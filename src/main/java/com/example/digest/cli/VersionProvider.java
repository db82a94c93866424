package com.example.digest.cli;

import java.io.IOException;
import java.io.InputStream;

import org.apache.camel.CamelContext;
import picocli.CommandLine;

public class VersionProvider implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
        return new String[] {"news-digest " + version(com.example.digest.DigestApplication.class, "development")
                + " (Apache Camel " + version(CamelContext.class, "unknown")
                + ", LangChain4j " + version(dev.langchain4j.model.chat.ChatModel.class, "unknown") + ")"};
    }

    /**
     * The version of the library that holds {@code type}, from its Maven pom.properties (kept per library in the shaded
     * jar, whose one manifest is ours); ours from that manifest.
     */
    static String version(Class<?> type, String unknown) {
        String group = type == CamelContext.class ? "org.apache.camel/camel-api"
                : type == dev.langchain4j.model.chat.ChatModel.class ? "dev.langchain4j/langchain4j-core" : null;
        if (group != null) {
            try (InputStream in = type.getClassLoader().getResourceAsStream("META-INF/maven/" + group + "/pom.properties")) {
                if (in != null) {
                    java.util.Properties pom = new java.util.Properties();
                    pom.load(in);
                    return pom.getProperty("version", unknown);
                }
            } catch (IOException e) {
                return unknown;
            }
        }
        String v = type == com.example.digest.DigestApplication.class ? type.getPackage().getImplementationVersion() : null;
        return v == null ? unknown : v;
    }
}
