package dev.portal.bridge.demo;

import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.mqtt.MqttSettings;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Comparator;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/** {@code scripts/demo}: the whole system in one process, playing a scripted session. */
@Command(name = "demo", mixinStandardHelpOptions = true, version = "portal demo 0.1.0",
        description = "Starts the bridge with its embedded broker and a simulated portal, plays a scripted session "
                + "and shows what a game server subscribed to game/# sees.")
public final class DemoMain implements Callable<Integer> {

    @Option(names = "--interactive", description = "after the script, leave a player console open")
    boolean interactive;

    @Option(names = "--port", defaultValue = "0", description = "embedded broker port (0: any free port)")
    int port;

    @Option(names = "--data-dir", description = "keep the bridge's data here (default: a fresh temporary folder)")
    Path dataDir;

    @Option(names = "--pace-ms", defaultValue = "300", description = "pause between the script's steps")
    long paceMillis;

    private final PrintStream out;

    public DemoMain(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "portal-demo-logback.xml");
        }
        System.exit(new CommandLine(new DemoMain(System.out)).execute(args));
    }

    @Override
    public Integer call() throws Exception {
        DemoSummary summary = run();
        return summary.ok() ? 0 : 1;
    }

    /** Plays the scripted session (then the console, if asked) and prints the summary. */
    public DemoSummary run() throws Exception {
        boolean temporary = dataDir == null;
        Path data = temporary ? Files.createTempDirectory("portal-demo") : dataDir;
        int brokerPort = port != 0 ? port : freePort();
        out.println("Portal demo: bridge + embedded MQTT broker on 127.0.0.1:" + brokerPort
                + " + a simulated portal. Below: what a game server subscribed to game/# sees.");
        BridgeConfig config = BridgeConfig.defaults(MqttSettings.plain("tcp://127.0.0.1:" + brokerPort,
                "portal-bridge-demo"), data).withEmbeddedBroker(brokerPort);
        try (Bridge bridge = Bridge.start(config);
             GameView view = new GameView(bridge.serverUri(), out);
             SampleGameServer server = new SampleGameServer(bridge.serverUri(), "sample-server");
             DemoPortal portal = new DemoPortal(bridge.serverUri(), "living-room", 2, Clock.systemUTC())) {
            DemoSummary summary = new DemoSession(bridge, portal, view, server, Duration.ofMillis(paceMillis)).play();
            out.println();
            out.print(summary.text());
            if (interactive) {
                new PlayerConsole(portal, server, view, System.in, out).run();
            }
            return summary;
        } finally {
            if (temporary) {
                deleteQuietly(data);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static void deleteQuietly(Path dir) {
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }
}
