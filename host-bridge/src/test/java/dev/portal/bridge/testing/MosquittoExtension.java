package dev.portal.bridge.testing;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * Starts one Mosquitto for a test class (FAILS when mosquitto is not installed) and hands it to tests as a
 * {@link Mosquitto} parameter.
 */
public final class MosquittoExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(MosquittoExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        Path dir = Files.createTempDirectory("mosquitto-test");
        context.getStore(NS).put("dir", dir);
        context.getStore(NS).put("broker", Mosquitto.start(dir));
    }

    @Override
    public void afterAll(ExtensionContext context) throws Exception {
        Mosquitto broker = context.getStore(NS).get("broker", Mosquitto.class);
        if (broker != null) {
            broker.close();
        }
        Path dir = context.getStore(NS).get("dir", Path.class);
        if (dir != null) {
            try (Stream<Path> files = Files.walk(dir)) {
                files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Mosquitto.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return findBroker(context);
    }

    private static Mosquitto findBroker(ExtensionContext context) {
        ExtensionContext current = context;
        while (current != null) {
            Mosquitto broker = current.getStore(NS).get("broker", Mosquitto.class);
            if (broker != null) {
                return broker;
            }
            current = current.getParent().orElse(null);
        }
        throw new IllegalStateException("no Mosquitto started for " + context.getDisplayName());
    }
}
