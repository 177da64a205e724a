package dev.portal.demo;

import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.device.sim.SimulatedPortal;
import dev.portal.link.BrokerLink;
import dev.portal.portalctl.provision.WebCodeRegistrar;
import dev.portal.studio.app.Studio;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;

/**
 * {@code scripts/demo}: the whole system in one process, playing a scripted session. The portal is the real
 * portal service on chip models ({@link SimulatedPortal}, as {@code scripts/portal-device --simulate} runs it),
 * so the interactive console that may follow speaks the device console's words on the very portal the script
 * played with: its toys keep what the session wrote on their tags.
 */
@Command(name = "demo", mixinStandardHelpOptions = true, version = "portal demo 0.1.0",
        description = "Starts the bridge with its embedded broker, the portal service in simulation and a sample "
                + "game server, plays a scripted session and shows what a game server subscribed to game/# sees.")
public final class DemoMain implements Callable<Integer> {

    @Option(names = "--interactive", description = "after the script, leave a console open: the simulated "
            + "portal's words (place PAD TOY, remove TOY, move TOY PAD, list) and the game server's (xp, rename, "
            + "upgrade); help lists them")
    boolean interactive;

    @Option(names = "--port", defaultValue = "0", description = "embedded broker port (0: any free port)")
    int port;

    @Option(names = "--studio-port", defaultValue = "8080",
            description = "port of the player studio's web page (default ${DEFAULT-VALUE}; 0: any free port)")
    int studioPort;

    @Option(names = "--data-dir", description = "keep the bridge's data here (default: a fresh temporary folder)")
    Path dataDir;

    /** The simulated portal's pads: two, as on the portal the demo's script was written for. */
    static final int PADS = 2;

    private final InputStream in;
    private final PrintStream out;

    /** {@code in}: what the interactive console reads. */
    public DemoMain(InputStream in, PrintStream out) {
        this.in = in;
        this.out = out;
    }

    public static void main(String[] args) {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "portal-demo-logback.xml");
        }
        CommandLine cli = new CommandLine(new DemoMain(System.in, System.out));
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
                + " + the portal service on simulated chips (sim-portal). Below: what a game server subscribed to game/# sees.");
        try (Bridge bridge = Bridge.start(bridgeConfig(brokerPort, data));
             GameView view = new GameView(bridge.serverUri(), out);
             SampleGameServer server = new SampleGameServer(bridge.serverUri(), "sample-server");
             SimulatedPortal portal = startPortal(bridge, data);
             Studio studio = Studio.builder().broker(bridge.serverUri()).dataDir(data.resolve("studio"))
                     .listen("127.0.0.1", studioPort).start()) {
            // a line of its own, so a person (or a script) finds the page to open
            out.println("studio: " + studio.url());
            printWebCodes(bridge, portal);
            DemoSummary summary = new DeviceDemoSession(bridge, view, server, portal).play();
            out.println();
            out.print(summary.text());
            if (interactive) {
                new PlayerConsole(portal, server, view, in, out).run();
            }
            return summary;
        } finally {
            if (temporary) {
                deleteQuietly(data);
            }
        }
    }

    /** The demo's bridge: its embedded broker on {@code brokerPort}, its data in {@code data}. */
    static BridgeConfig bridgeConfig(int brokerPort, Path data) throws IOException {
        return BridgeConfig.defaults(BrokerSettings.plain("tcp://127.0.0.1:" + brokerPort, "portal-bridge-demo"), data)
                .withEmbeddedBroker(brokerPort)
                // the host holds the toy key; here it is the simulated factory's, which made the sample toys
                .withToyKey(SimulatedPortal.factoryKey(java.util.Optional.empty()));
    }

    SimulatedPortal startPortal(Bridge bridge, Path data) throws Exception {
        var config = SimulatedPortal.config(data.resolve("portal"), bridge.serverUri(), PADS);
        // a Reboot command restarts a stand-alone simulator (its launcher starts it again); here it would end
        // the demo, so the portal says why and carries on
        // the key makes the sample toys only (the simulated factory); the portal service holds none since 1.1
        return SimulatedPortal.start(config, SimulatedPortal.factoryKey(java.util.Optional.empty()),
                () -> out.println("(the portal was asked to reboot: the demo's portal stays up)"), out);
    }

    /**
     * The sample toys' web codes, as the factory line would print them on their boxes (the bridge gets only their
     * digests), so a person can claim them in the studio.
     */
    private void printWebCodes(Bridge bridge, SimulatedPortal portal) throws Exception {
        BrokerLink link = BrokerLink.builder().serverUri(bridge.serverUri()).randomClientId("demo-factory").build();
        link.connect(java.time.Duration.ofSeconds(10));
        try (link; WebCodeRegistrar codes = new WebCodeRegistrar(link, java.time.Duration.ofSeconds(5), new SecureRandom())) {
            for (String toy : WEB_CODE_TOYS) {
                var sample = portal.catalogue().samples().get(toy);
                WebCodeRegistrar.Registration r = codes.register(sample.uid());
                out.println(r.registered()
                        ? String.format("web code  %-7s %s  %s", toy, sample.uid(), r.code().printed())
                        : String.format("web code  %-7s %s  not registered: %s", toy, sample.uid(), r.detail()));
            }
        }
    }

    /** The sample toys a person may claim in the studio. */
    static final List<String> WEB_CODE_TOYS = List.of("dragon", "knight", "wizard");

    static int freePort() throws IOException {
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
