package dev.portal.bench.studio;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.portal.bridge.app.Bridge;
import dev.portal.bridge.app.BridgeConfig;
import dev.portal.bridge.app.BrokerSettings;
import dev.portal.link.BrokerLink;
import dev.portal.link.GameTopics;
import dev.portal.link.Qos;
import dev.portal.studio.app.Studio;
import dev.portal.studio.testing.Chromium;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * scripts/bench studio: how long after a placement's {@code game/events} message the toy is drawn in the
 * studio's live page, measured in real Chromium pages (1, then 50 open at once), and what the page weighs on
 * first load. The bridge runs on its embedded broker; the placements are published on game/events as the
 * bridge publishes them, stamped just before each publish (the start of the clock); each page stamps the moment
 * its handler has put the figure in the document. Both clocks are this machine's, checked against each other.
 * Arguments: [placements] [gapMillis] (default 200 placements, one every 250 ms: a busy family evening is far
 * slower; the 50 pages all run on this machine's cores, beside the server).
 */
public final class StudioBench {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String DEVICE = "bench-portal";
    /** Chromium opens at most 6 connections to one host per profile: 5 live pages a browser leaves one free. */
    private static final int PAGES_PER_BROWSER = 5;

    public static void main(String[] args) throws Exception {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "portal-demo-logback.xml");
        }
        int placements = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        long gap = args.length > 1 ? Long.parseLong(args[1]) : 250;
        Path dir = Files.createTempDirectory("studio-bench");
        int port = freePort();
        BridgeConfig config = BridgeConfig.defaults(BrokerSettings.plain("tcp://127.0.0.1:" + port, "bench-bridge"),
                dir.resolve("bridge")).withEmbeddedBroker(port);
        try (Bridge bridge = Bridge.start(config);
             Studio studio = Studio.builder().broker(bridge.serverUri()).dataDir(dir.resolve("studio"))
                     .listen("127.0.0.1", 0).start()) {
            StringBuilder md = new StringBuilder();
            md.append("The studio and the bridge (embedded HiveMQ CE) in one process; pages in headless Debian Chromium ")
                    .append("(").append(PAGES_PER_BROWSER).append(" pages a browser). Clock from the placement's game/events ")
                    .append("message being published to the page's event handler having drawn the figure ")
                    .append("(DOM updated; paint not included); each browser's clock is set against the JVM's by the closest of 20 ")
                    .append("WebDriver round trips (a few ms of uncertainty). ").append(placements).append(" placements, one every ")
                    .append(gap).append(" ms (and its removal half-way). The pages share this machine's cores with the ")
                    .append("server: on 50 real devices each page would have a CPU of its own.\n\n");
            md.append("| open pages | samples | p50 ms | p99 ms | max ms |\n|---:|---:|---:|---:|---:|\n");
            try (Placer placer = new Placer(bridge.serverUri(), gap)) {
                for (int pages : new int[] {1, 50}) {
                    md.append(run(studio, placer, dir.resolve("chromium-" + pages), pages, placements));
                }
            }
            md.append("\n").append(weight(studio, dir.resolve("chromium-weight"))).append("\n");
            System.out.print(md);
        }
    }

    /**
     * Publishes placements on game/events and stamps when each was sent. (A subscriber on this same connection
     * heard its own messages ~140 ms later than the studio's pages drew them, so its arrival is no start.)
     */
    private static final class Placer implements AutoCloseable {
        final BrokerLink link;
        final Map<String, Long> sent = new ConcurrentHashMap<>();
        final long gap;
        int next;

        Placer(String uri, long gap) throws Exception {
            this.gap = gap;
            link = BrokerLink.builder().serverUri(uri).clientId("bench-placer").build();
            link.connect(Duration.ofSeconds(10));
            ObjectNode portal = JSON.createObjectNode().put("deviceId", DEVICE).put("online", true);
            portal.putArray("pads").addObject().put("pad", 0).put("slots", 4);
            link.publish(GameTopics.portal(new dev.portal.link.DeviceId(DEVICE)), JSON.writeValueAsBytes(portal),
                    Qos.AT_LEAST_ONCE, true).get();
        }

        /** One placement then its removal; returns the uid. */
        String place() throws Exception {
            String uid = String.format("04BE%010X", next++);
            sent.put(uid, System.currentTimeMillis());
            link.publish(GameTopics.EVENTS, JSON.writeValueAsBytes(event("placed", uid)), Qos.AT_LEAST_ONCE, false).get();
            Thread.sleep(gap / 2);
            link.publish(GameTopics.EVENTS, JSON.writeValueAsBytes(event("removed", uid)), Qos.AT_LEAST_ONCE, false).get();
            Thread.sleep(gap / 2);
            return uid;
        }

        private static ObjectNode event(String kind, String uid) {
            ObjectNode e = JSON.createObjectNode().put("eventId", DEVICE + "/1/" + uid + "#" + kind).put("event", kind)
                    .put("deviceId", DEVICE).put("pad", 0).put("slot", 0).put("uid", uid).put("at", Instant.now().toString());
            ObjectNode profile = e.putObject("profile").put("uid", uid).put("toyType", 101).put("variant", 1)
                    .put("name", "Bench " + uid.substring(10)).put("xp", 650).put("level", 3).put("revision", 1);
            profile.putObject("colours").put("primary", "#FF4400").put("secondary", "#202020").put("accent", "#FFD700");
            return e;
        }

        @Override
        public void close() {
            link.close();
        }
    }

    private static String run(Studio studio, Placer placer, Path profiles, int pages, int placements) throws Exception {
        List<WebDriver> browsers = new ArrayList<>();
        try {
            List<String[]> tabs = new ArrayList<>(); // browser index, window handle
            for (int b = 0; b * PAGES_PER_BROWSER < pages; b++) {
                WebDriver driver = Chromium.start(profiles.resolve("b" + b));
                browsers.add(driver);
                driver.get(studio.url());
                signUp(driver, "bench" + pages + "x" + b);
                for (int t = 0; t < Math.min(PAGES_PER_BROWSER, pages - b * PAGES_PER_BROWSER); t++) {
                    if (t > 0) {
                        driver.switchTo().newWindow(WindowType.WINDOW);
                    }
                    driver.get(studio.url() + "#/live");
                    if (t == 0) {
                        driver.navigate().refresh(); // the first page loaded before the account existed
                    }
                    new WebDriverWait(driver, Duration.ofSeconds(20)).withMessage(() -> "the live page: "
                            + ((JavascriptExecutor) driver).executeScript("return location.href + ' | ' + "
                            + "document.getElementById('live-state').textContent + ' | ' + document.getElementById('notice').textContent"))
                            .until(d -> js(d, "return document.getElementById('live-state').textContent.startsWith('Live')"));
                    tabs.add(new String[] {String.valueOf(b), driver.getWindowHandle()});
                }
            }
            List<String> uids = new ArrayList<>();
            for (int i = 0; i < placements; i++) {
                uids.add(placer.place());
            }
            Thread.sleep(1000);
            List<Double> latencies = new ArrayList<>();
            List<Double> offsets = new ArrayList<>();
            for (WebDriver driver : browsers) {
                offsets.add(clockOffset(driver));
            }
            for (String[] tab : tabs) {
                WebDriver driver = browsers.get(Integer.parseInt(tab[0]));
                double offset = offsets.get(Integer.parseInt(tab[0]));
                driver.switchTo().window(tab[1]);
                @SuppressWarnings("unchecked")
                Map<String, Object> drawn = (Map<String, Object>) ((JavascriptExecutor) driver)
                        .executeScript("return window.__studio.drawn");
                for (String uid : uids) {
                    Object at = drawn.get(uid);
                    Long sent = placer.sent.get(uid);
                    if (at instanceof Number n && sent != null) {
                        latencies.add(n.doubleValue() - offset - sent);
                    }
                }
            }
            latencies.sort(Double::compare);
            int expected = placements * pages;
            return String.format("| %d | %d of %d | %.1f | %.1f | %.1f |%n", pages, latencies.size(), expected,
                    pct(latencies, 50), pct(latencies, 99), latencies.isEmpty() ? Double.NaN : latencies.getLast());
        } finally {
            browsers.forEach(WebDriver::quit);
        }
    }

    /** What the first load of the page transfers, everything included (as the browser counts it). */
    private static String weight(Studio studio, Path profile) throws Exception {
        WebDriver driver = Chromium.start(profile);
        try {
            driver.get(studio.url());
            new WebDriverWait(driver, Duration.ofSeconds(20)).until(d -> js(d, "return document.readyState === 'complete'"));
            Thread.sleep(500);
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> entries = (List<Map<String, Object>>) ((JavascriptExecutor) driver).executeScript(
                    "return performance.getEntriesByType('navigation').concat(performance.getEntriesByType('resource'))"
                            + ".map(e => ({name: e.name, transfer: e.transferSize, body: e.decodedBodySize}))");
            long transfer = 0;
            long body = 0;
            StringBuilder files = new StringBuilder();
            for (Map<String, Object> e : entries) {
                transfer += ((Number) e.get("transfer")).longValue();
                body += ((Number) e.get("body")).longValue();
                String name = e.get("name").toString();
                files.append(name.substring(name.lastIndexOf('/') + 1).isEmpty() ? "index.html" : name.substring(name.lastIndexOf('/') + 1))
                        .append(' ').append(((Number) e.get("body")).longValue()).append(" B, ");
            }
            return String.format("Page weight on first load (signed out, as the browser counts it): %d requests, %.1f KB "
                    + "transferred (headers included), %.1f KB of content (%s); aim under 250 KB.%n", entries.size(),
                    transfer / 1024.0, body / 1024.0, files.substring(0, Math.max(0, files.length() - 2)));
        } finally {
            driver.quit();
        }
    }

    private static void signUp(WebDriver driver, String name) {
        Object status = ((JavascriptExecutor) driver).executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "fetch('/api/register', {method: 'POST', headers: {'Content-Type': 'application/json'},"
                + " body: JSON.stringify({name: arguments[0], password: 'bench password 1234'})}).then(r => done(r.status))"
                + ".catch(e => done(String(e)));", name);
        if (!(status instanceof Number n) || n.intValue() != 200) {
            throw new IllegalStateException("could not sign up " + name + ": " + status);
        }
    }

    /**
     * How far the browser's Date.now() is from this JVM's clock (they were seen 100 ms apart here): the browser is
     * asked for its time between two readings of ours; the closest of 20 round trips counts, to within half of it.
     */
    private static double clockOffset(WebDriver driver) {
        double best = Double.NaN;
        long bestTrip = Long.MAX_VALUE;
        for (int i = 0; i < 20; i++) {
            long before = System.nanoTime();
            long wallBefore = System.currentTimeMillis();
            Number browser = (Number) ((JavascriptExecutor) driver).executeScript("return Date.now()");
            long trip = System.nanoTime() - before;
            if (trip < bestTrip) {
                bestTrip = trip;
                best = browser.doubleValue() - (wallBefore + trip / 2_000_000.0);
            }
        }
        return best;
    }

    private static Boolean js(WebDriver driver, String script) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(script));
    }

    private static double pct(List<Double> sorted, int percentile) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(percentile / 100.0 * sorted.size()) - 1;
        return sorted.get(Math.max(0, index));
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }
}
