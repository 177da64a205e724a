package dev.portal.bridge.demo;

import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.app.BrokerSettings;
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

    @Option(names = "--interactive", description = "after the script, leave a player console open "
            + "(plays with the built-in portal)")
    boolean interactive;

    @Option(names = "--port", defaultValue = "0", description = "embedded broker port (0: any free port)")
    int port;

    @Option(names = "--data-dir", description = "keep the bridge's data here (default: a fresh temporary folder)")
    Path dataDir;

    @Option(names = "--pace-ms", defaultValue = "300", description = "pause between the built-in script's steps")
    long paceMillis;

    @Option(names = "--portal", defaultValue = "auto", description = "device: the portal service in simulation "
            + "(scripts/portal-device --simulate --script); builtin: a frame-level simulated portal in this "
            + "process; auto (default): device when scripts/portal-device is there")
    String portalKind;

    private final PrintStream out;

    public DemoMain(PrintStream out) {
        this.out = out;
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "portal-demo-logback.xml");
        }
        CommandLine cli = new CommandLine(new DemoMain(System.out));
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            command.getErr().println("portal demo: " + e);
            return 1;
        });
        System.exit(cli.execute(args));
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
        BridgeConfig config = BridgeConfig.defaults(BrokerSettings.plain("tcp://127.0.0.1:" + brokerPort,
                "portal-bridge-demo"), data).withEmbeddedBroker(brokerPort);
        Path deviceScript = portalScript();
        try (Bridge bridge = Bridge.start(config);
             GameView view = new GameView(bridge.serverUri(), out);
             SampleGameServer server = new SampleGameServer(bridge.serverUri(), "sample-server")) {
            DemoSummary summary;
            if (deviceScript != null && !interactive) {
                summary = new DeviceDemoSession(bridge, view, server, deviceScript, data).play();
                out.println();
                out.print(summary.text());
                return summary;
            }
            try (DemoPortal portal = new DemoPortal(bridge.serverUri(), "living-room", 2, Clock.systemUTC())) {
                DemoSession session = new DemoSession(bridge, portal, view, server, Duration.ofMillis(paceMillis));
                summary = session.play();
                out.println();
                out.print(summary.text());
                if (interactive) {
                    new PlayerConsole(portal, server, view, session.hero(), System.in, out).run();
                }
            }
            return summary;
        } finally {
            if (temporary) {
                deleteQuietly(data);
            }
        }
    }

    /** scripts/portal-device when the demo should drive the real portal service, else null. */
    private Path portalScript() {
        if (portalKind.equals("builtin")) {
            return null;
        }
        String root = System.getenv("PORTAL_ROOT");
        Path script = Path.of(root != null ? root : "..", "scripts", "portal-device").toAbsolutePath().normalize();
        if (Files.isExecutable(script)) {
            return script;
        }
        if (portalKind.equals("device")) {
            throw new CommandLine.ParameterException(new CommandLine(this), "no portal service at " + script);
        }
        out.println("(scripts/portal-device not found: the demo uses its built-in simulated portal)");
        return null;
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
