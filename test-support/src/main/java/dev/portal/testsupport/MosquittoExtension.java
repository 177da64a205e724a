package dev.portal.testsupport;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * One Mosquitto for a test class, in a temporary folder removed afterwards. Tests FAIL, never skip, when
 * mosquitto is not installed. Register it on a static field and use {@link #broker()}, or take a
 * {@link Mosquitto} parameter:
 *
 * <pre>{@code
 * @RegisterExtension
 * static final MosquittoExtension MOSQUITTO = new MosquittoExtension(Mosquitto.Builder::persistent);
 * }</pre>
 */
public final class MosquittoExtension implements BeforeAllCallback, AfterAllCallback, ParameterResolver {
    /** Configures the broker before it starts; its folder is {@link Mosquitto.Builder#dir()}. */
    @FunctionalInterface
    public interface Setup {
        void configure(Mosquitto.Builder broker) throws Exception;
    }

    private final Setup setup;
    private String owner;
    private Mosquitto broker;

    /** A broker with {@link Mosquitto.Builder}'s defaults. */
    public MosquittoExtension() {
        this(broker -> { });
    }

    public MosquittoExtension(Setup setup) {
        this.setup = setup;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        if (broker != null) {
            return; // a nested class shares its enclosing class's broker
        }
        Mosquitto.Builder builder = Mosquitto.in(Files.createTempDirectory("mosquitto"));
        setup.configure(builder);
        broker = builder.start();
        owner = context.getUniqueId();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        if (broker == null || !context.getUniqueId().equals(owner)) {
            return;
        }
        broker.close();
        try (Stream<Path> files = Files.walk(broker.dir())) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        }
        broker = null;
    }

    /** The running broker, from the class's {@code @BeforeAll} on. */
    public Mosquitto broker() {
        if (broker == null) {
            throw new IllegalStateException("the broker starts before the test class's first test, not earlier");
        }
        return broker;
    }

    /** The running broker's {@link Mosquitto#uri()}, most of what tests need of it. */
    public String uri() {
        return broker().uri();
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return parameter.getParameter().getType() == Mosquitto.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        return broker();
    }
}
