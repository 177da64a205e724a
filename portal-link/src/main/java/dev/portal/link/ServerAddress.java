package dev.portal.link;

import java.net.URI;

/** A broker address from {@code tcp://host:port} or {@code ssl://host:port} (ports default to 1883 / 8883). */
record ServerAddress(String host, int port, boolean tls) {

    static ServerAddress parse(String uri) {
        URI parsed;
        try {
            parsed = URI.create(uri);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("not a broker URI: " + uri, e);
        }
        String scheme = parsed.getScheme();
        boolean tls;
        if ("tcp".equals(scheme) || "mqtt".equals(scheme)) {
            tls = false;
        } else if ("ssl".equals(scheme) || "mqtts".equals(scheme)) {
            tls = true;
        } else {
            throw new IllegalArgumentException("a broker URI starts with tcp:// or ssl://: " + uri);
        }
        if (parsed.getHost() == null) {
            throw new IllegalArgumentException("no host in broker URI " + uri);
        }
        int port = parsed.getPort() > 0 ? parsed.getPort() : tls ? 8883 : 1883;
        return new ServerAddress(parsed.getHost(), port, tls);
    }

    @Override
    public String toString() {
        return (tls ? "ssl://" : "tcp://") + host + ":" + port;
    }
}
