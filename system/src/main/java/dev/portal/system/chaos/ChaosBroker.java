package dev.portal.system.chaos;

import dev.portal.system.process.SystemBroker;
import dev.portal.testsupport.Mosquitto;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

/** The chaos run's broker, whichever it is: where clients reach it, and its restart as a fault. */
interface ChaosBroker extends AutoCloseable {

    String uri();

    int port();

    /** Stops the broker as an operator would, keeps it down for {@code down}, starts it on the same port and data. */
    void restart(Duration down) throws IOException, InterruptedException;

    @Override
    void close();

    /** Starts the broker {@code kind} with its files in {@code dir}. */
    static ChaosBroker start(ChaosOptions.Broker kind, Path dir) throws IOException, InterruptedException {
        return switch (kind) {
            case MOSQUITTO -> new OnMosquitto(SystemBroker.start(dir));
            case HIVEMQ -> HiveBrokerProcess.start(dir);
        };
    }

    /** Mosquitto as the system tests run it ({@link SystemBroker}). */
    record OnMosquitto(Mosquitto mosquitto) implements ChaosBroker {
        @Override
        public String uri() {
            return mosquitto.uri();
        }

        @Override
        public int port() {
            return mosquitto.port();
        }

        @Override
        public void restart(Duration down) throws IOException, InterruptedException {
            mosquitto.restart(down);
        }

        @Override
        public void close() {
            mosquitto.close();
        }
    }
}
