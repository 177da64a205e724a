package dev.portal.system.process;

import dev.portal.testsupport.Mosquitto;

import java.io.IOException;
import java.nio.file.Path;

/** Mosquitto as the chaos run and the system tests run it, anonymous on a loopback port. */
public final class SystemBroker {
    private SystemBroker() {
    }

    /** Sessions and queued messages survive {@link Mosquitto#restart}, which the chaos run does often. */
    public static Mosquitto start(Path dir) throws IOException, InterruptedException {
        return Mosquitto.in(dir).persistent()
                // A bridge that is down for seconds must find every frame queued for it when it returns.
                .set("max_queued_messages", 0)
                // As the shipped mosquitto.conf: without it Nagle's algorithm holds each forwarded event ~25 ms.
                .set("set_tcp_nodelay", true)
                // Without "information": a chaos run's thousands of connects and disconnects.
                .lines("log_type error", "log_type warning", "log_type notice")
                .start();
    }
}
