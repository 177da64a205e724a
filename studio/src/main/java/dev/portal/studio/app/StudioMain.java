package dev.portal.studio.app;

import dev.portal.link.PasswordFile;
import dev.portal.link.TlsConfig;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;

/** {@code scripts/studio}: the player's web page, a client of the bridge's game API on the given broker. */
@Command(name = "studio", mixinStandardHelpOptions = true, version = "portal studio 0.1.0",
        description = "Serves the player studio: the portal live, co-design, play history, a gallery of shared "
                + "looks, and players' accounts. Talks to the bridge only through its game topics on the broker.")
public final class StudioMain implements Callable<Integer> {
    @Option(names = "--broker", defaultValue = "tcp://127.0.0.1:1883", paramLabel = "URI",
            description = "the broker the bridge serves its game topics on (default ${DEFAULT-VALUE})")
    String broker;

    @Option(names = "--port", defaultValue = "8080", description = "HTTP port (default ${DEFAULT-VALUE}; 0: any free port)")
    int port;

    @Option(names = "--bind", defaultValue = "127.0.0.1",
            description = "address to listen on (default ${DEFAULT-VALUE}; 0.0.0.0 for the home network)")
    String bind;

    @Option(names = "--data-dir", defaultValue = "var/studio", description = "accounts and gallery (default ${DEFAULT-VALUE})")
    Path dataDir;

    @Option(names = "--username", description = "broker user name (the game-server role)")
    String username;

    @Option(names = "--password-file", paramLabel = "FILE", description = "file holding the broker password")
    Path passwordFile;

    @Option(names = "--tls-ca", paramLabel = "FILE", description = "CA certificate (PEM) of the broker, for ssl://")
    Path tlsCa;

    @Option(names = "--secure-cookie", description = "mark the session cookie Secure (when served over HTTPS)")
    boolean secureCookie;

    public static void main(String[] args) {
        System.exit(new CommandLine(new StudioMain()).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        Studio.Builder builder = Studio.builder().broker(broker).dataDir(dataDir).listen(bind, port)
                .secureCookie(secureCookie);
        if (username != null) {
            builder.credentials(username, passwordFile == null ? new char[0] : PasswordFile.read(passwordFile));
        }
        if (tlsCa != null) {
            builder.tls(TlsConfig.trusting(tlsCa));
        } else if (broker.startsWith("ssl://")) {
            builder.tls(TlsConfig.jvmDefaults());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        try (Studio studio = builder.start()) {
            Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown, "studio-stop"));
            System.out.println("studio: " + studio.url());
            stopped.await();
        }
        return 0;
    }
}
