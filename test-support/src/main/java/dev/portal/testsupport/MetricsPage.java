package dev.portal.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A Prometheus metrics page as Prometheus reads it: fetched over HTTP from {@code /metrics} on loopback, each
 * sample line {@code name{labels} value} kept under its name and labels as written (the bridge's and a portal's
 * pages in their tests).
 */
public record MetricsPage(String contentType, Map<String, Double> samples) {

    public static MetricsPage fetch(int port) throws IOException, InterruptedException {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/metrics")).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IOException("/metrics answered " + response.statusCode());
        }
        Map<String, Double> samples = new LinkedHashMap<>();
        for (String line : response.body().split("\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            int space = line.lastIndexOf(' ');
            samples.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
        }
        return new MetricsPage(response.headers().firstValue("Content-Type").orElse(""), samples);
    }

    /** The sample's value; fails when the page does not have it. */
    public double value(String series) {
        Double value = samples.get(series);
        if (value == null) {
            throw new AssertionError("no " + series + " on the page; it has " + samples.keySet());
        }
        return value;
    }
}
