package dev.portal.studio.e2e;

import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.device.sim.SimulatedPortal;
import dev.portal.hardware.sim.tag.Ntag21x;
import dev.portal.portalctl.PortalCtl;
import dev.portal.protocol.toy.Area;
import dev.portal.protocol.toy.FleetKey;
import dev.portal.protocol.toy.SaveAreas;
import dev.portal.protocol.toy.TagLayout;
import dev.portal.protocol.toy.ToyReadResult;
import dev.portal.studio.app.Studio;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import dev.portal.testsupport.Await;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The whole system the studio runs in, on one machine: the bridge on its embedded broker (holding the toy key),
 * the portal service on chip models, the studio on a free port, and portalctl provisioning toys as a factory
 * line does.
 */
final class StudioSystem implements AutoCloseable {
    static final String DEVICE = "sim-portal";
    private static final Pattern WEB_CODE = Pattern.compile("\\b[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}-[0-9A-HJKMNP-TV-Z]{4}\\b");

    final Bridge bridge;
    final SimulatedPortal portal;
    final Studio studio;
    final FleetKey toyKey;
    private final Path toyKeyFile;
    private final ByteArrayOutputStream portalOut = new ByteArrayOutputStream();

    StudioSystem(Path dir) throws Exception {
        toyKey = SimulatedPortal.factoryKey(Optional.empty());
        toyKeyFile = dir.resolve("toy.key");
        Files.writeString(toyKeyFile, SimulatedPortal.SIMULATION_KEY);
        int brokerPort = freePort();
        bridge = Bridge.start(BridgeConfig.defaults(BrokerSettings.plain("tcp://127.0.0.1:" + brokerPort,
                "portal-bridge-studio-test"), dir.resolve("bridge")).withEmbeddedBroker(brokerPort).withToyKey(toyKey));
        portal = SimulatedPortal.start(SimulatedPortal.config(dir.resolve("portal"), bridge.serverUri(), 2), toyKey,
                () -> { }, new PrintStream(portalOut, true, StandardCharsets.UTF_8));
        studio = Studio.builder().broker(bridge.serverUri()).dataDir(dir.resolve("studio")).listen("127.0.0.1", 0).start();
    }

    /** A line typed at the simulated portal's console ({@code place 0 blank}, {@code remove blank}). */
    void console(String line) throws InterruptedException {
        portal.console().execute(line.split(" "));
    }

    /** A toy fresh from the factory line: the blank sample provisioned by portalctl, with its web code. */
    record Provisioned(String uid, String webCode, String output) {
    }

    Provisioned provisionBlank(String sample) throws Exception {
        StringBuilderWriter out = new StringBuilderWriter();
        StringBuilderWriter err = new StringBuilderWriter();
        // provision takes the tags laid after it starts, as on a factory line
        CompletableFuture<Integer> run = CompletableFuture.supplyAsync(() -> PortalCtl.commandLine(
                new ByteArrayInputStream(new byte[0]), out.writer(), err.writer()).execute(
                "provision", DEVICE, "--broker", bridge.serverUri(), "--toy", "101", "--variant", "1",
                "--count", "1", "--idle-timeout", "20s", "--toy-key-file", toyKeyFile.toString()));
        Await.until(() -> "provision waiting for a tag: " + out.text() + err.text(),
                () -> (out.text() + err.text()).contains("lay 1 blank tag"), Duration.ofSeconds(20));
        console("place 0 " + sample);
        int code = run.get(40, TimeUnit.SECONDS);
        console("remove " + sample);
        String text = out.text() + err.text();
        if (code != 0) {
            throw new AssertionError("portalctl provision exited " + code + ":\n" + text);
        }
        Matcher m = WEB_CODE.matcher(out.text());
        if (!m.find()) {
            throw new AssertionError("portalctl provision printed no web code:\n" + text);
        }
        return new Provisioned(portal.console().tag(sample).uid().toString(), m.group(), text);
    }

    /** What the tag of {@code sample} holds now, read from its memory and judged with the toy key. */
    ToyReadResult readTag(String sample) {
        Ntag21x tag = (Ntag21x) portal.console().tag(sample);
        byte[] pages = tag.dump();
        TagLayout layout = TagLayout.NTAG213;
        return SaveAreas.read(layout, area(pages, layout, Area.A), area(pages, layout, Area.B),
                tag.uid().bytes(), toyKey);
    }

    private static byte[] area(byte[] pages, TagLayout layout, Area area) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        for (int unit : layout.units(area)) {
            bytes.write(pages, unit * layout.unitSize(), layout.unitSize());
        }
        return bytes.toByteArray();
    }

    String portalOutput() {
        return portalOut.toString(StandardCharsets.UTF_8);
    }

    static String hex(byte[] bytes) {
        return HexFormat.of().withUpperCase().formatHex(bytes);
    }

    @Override
    public void close() throws Exception {
        try (bridge; portal; studio) {
            // studio first, then the portal, then the bridge and its broker
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    /** Collects what portalctl prints. */
    private static final class StringBuilderWriter {
        private final java.io.StringWriter sink = new java.io.StringWriter();

        PrintWriter writer() {
            return new PrintWriter(sink, true);
        }

        String text() {
            return sink.toString();
        }
    }
}
