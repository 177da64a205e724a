package dev.portal.bench.bridge;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** A Mosquitto on a free loopback port with the benchmark's own configuration (queues big enough not to drop). */
final class BenchMosquitto implements AutoCloseable {
    private final Process process;
    private final int port;

    private BenchMosquitto(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    static BenchMosquitto start(Path dir) throws IOException, InterruptedException {
        String binary = Files.isExecutable(Path.of("/usr/sbin/mosquitto")) ? "/usr/sbin/mosquitto" : "mosquitto";
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        Path conf = dir.resolve("mosquitto.conf");
        Files.writeString(conf, String.join("\n", "listener " + port + " 127.0.0.1", "allow_anonymous true",
                "max_inflight_messages 0", "max_queued_messages 1000000", "max_topic_alias 0",
                "set_tcp_nodelay true",
                "log_dest file " + dir.resolve("mosquitto.log"), ""));
        Process process;
        try {
            process = new ProcessBuilder(binary, "-c", conf.toString()).redirectErrorStream(true)
                    .redirectOutput(dir.resolve("mosquitto.out").toFile()).start();
        } catch (IOException e) {
            throw new IOException("the bridge benchmark needs mosquitto (apt-get install mosquitto)", e);
        }
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            try (Socket ignored = new Socket("127.0.0.1", port)) {
                return new BenchMosquitto(process, port);
            } catch (IOException notYet) {
                Thread.sleep(20);
            }
        }
        process.destroyForcibly();
        throw new IOException("mosquitto did not start: " + Files.readString(dir.resolve("mosquitto.out")));
    }

    String uri() {
        return "tcp://127.0.0.1:" + port;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor();
        }
    }
}
