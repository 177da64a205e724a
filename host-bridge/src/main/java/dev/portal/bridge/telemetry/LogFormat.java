package dev.portal.bridge.telemetry;

import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.joran.JoranConfigurator;
import ch.qos.logback.core.joran.spi.JoranException;
import org.slf4j.LoggerFactory;

import java.net.URL;

/**
 * How the bridge writes its log on standard error: lines for people, or JSON lines for a log shipper. Each is a
 * Logback configuration on the class path; JSON uses Logback's own {@code JsonEncoder} (one object a line:
 * timestamp, level, logger, thread, message, the exception with its stack), so no further library is needed.
 */
public enum LogFormat {
    TEXT("portal-logback.xml"),
    JSON("portal-logback-json.xml");

    private final String resource;

    LogFormat(String resource) {
        this.resource = resource;
    }

    /** The Logback configuration this format uses (a class-path resource). */
    public String resource() {
        return resource;
    }

    /**
     * Configures Logback anew with this format's file, whatever it was configured with before (the bridge may
     * have logged before its options were read).
     */
    public void install() {
        if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
            return; // another SLF4J binding: its own configuration rules
        }
        URL url = LogFormat.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("no " + resource + " on the class path");
        }
        context.reset();
        JoranConfigurator configurator = new JoranConfigurator();
        configurator.setContext(context);
        try {
            configurator.doConfigure(url);
        } catch (JoranException e) {
            throw new IllegalStateException("could not configure the log from " + resource + ": " + e.getMessage(), e);
        }
    }
}
