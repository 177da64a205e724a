package dev.portal.studio.e2e;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The studio's defences as an attacker meets them over plain HTTP: the session cookie's flags, CSRF and origin
 * checks on every change, rate-limited logins and claims, a wrong web code that says no more than an unknown
 * toy, the page's content policy, and files that need nothing from outside the home network.
 */
class StudioSecurityTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    @TempDir
    static Path dir;
    static StudioSystem system;
    static StudioSystem.Provisioned toy;
    final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @BeforeAll
    static void start() throws Exception {
        system = new StudioSystem(dir);
        toy = system.provisionBlank("blank");
    }

    @AfterAll
    static void stop() throws Exception {
        system.close();
    }

    private String url(String path) {
        return system.studio.url() + path.substring(1);
    }

    private HttpResponse<String> post(String path, String body, String cookie, String csrf, String origin) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        Optional.ofNullable(cookie).ifPresent(c -> request.header("Cookie", c));
        Optional.ofNullable(csrf).ifPresent(c -> request.header("X-CSRF-Token", c));
        Optional.ofNullable(origin).ifPresent(o -> request.header("Origin", o));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private HttpResponse<String> get(String path, String cookie) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url(path))).timeout(Duration.ofSeconds(10)).GET();
        Optional.ofNullable(cookie).ifPresent(c -> request.header("Cookie", c));
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private record Signed(String cookie, String csrf) {
    }

    private Signed register(String name) throws Exception {
        HttpResponse<String> r = post("/api/register", "{\"name\":\"" + name + "\",\"password\":\"a long enough password\"}",
                null, null, origin());
        assertEquals(200, r.statusCode(), r.body());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        return new Signed(setCookie.substring(0, setCookie.indexOf(';')), JSON.readTree(r.body()).path("csrf").asText());
    }

    private String origin() {
        return system.studio.url().substring(0, system.studio.url().length() - 1);
    }

    @Test
    void theSessionCookieIsHttpOnlyAndStrictAndEveryChangeNeedsTheTokenAndTheStudiosOrigin() throws Exception {
        HttpResponse<String> r = post("/api/register", "{\"name\":\"mallory\",\"password\":\"a long enough password\"}",
                null, null, origin());
        String setCookie = r.headers().firstValue("Set-Cookie").orElseThrow();
        assertTrue(setCookie.contains("HttpOnly"), setCookie);
        assertTrue(setCookie.contains("SameSite=Strict"), setCookie);
        Signed s = new Signed(setCookie.substring(0, setCookie.indexOf(';')), JSON.readTree(r.body()).path("csrf").asText());

        assertEquals(403, post("/api/account/delete", "{\"password\":\"a long enough password\"}", s.cookie, null, origin()).statusCode(),
                "no token");
        assertEquals(403, post("/api/account/delete", "{\"password\":\"a long enough password\"}", s.cookie, "forged", origin()).statusCode(),
                "a wrong token");
        assertEquals(403, post("/api/account/delete", "{\"password\":\"a long enough password\"}", s.cookie, s.csrf,
                "http://evil.example").statusCode(), "another site's page");
        assertEquals(403, post("/api/login", "{\"name\":\"mallory\",\"password\":\"a long enough password\"}", null, null,
                "http://evil.example").statusCode(), "no login from another site either");
        assertEquals(200, get("/api/me", s.cookie).statusCode(), "the account is still there");
        assertEquals(401, get("/api/toys", null).statusCode(), "nothing without a session");
    }

    @Test
    void loginsAreRateLimitedPerName() throws Exception {
        register("victim");
        int limited = 0;
        for (int i = 0; i < 8; i++) {
            HttpResponse<String> r = post("/api/login", "{\"name\":\"victim\",\"password\":\"guess " + i + " guess\"}",
                    null, null, origin());
            if (r.statusCode() == 429) {
                limited++;
                assertTrue(r.body().contains("Too many attempts"), r.body());
            } else {
                assertEquals(401, r.statusCode(), r.body());
            }
        }
        assertEquals(3, limited, "five tries a minute, then 429");
    }

    @Test
    void aWrongWebCodeAndAnUnknownToyGetTheSameAnswerAndClaimsAreRateLimited() throws Exception {
        Signed s = register("guesser");
        HttpResponse<String> wrong = post("/api/claim", "{\"uid\":\"" + toy.uid() + "\",\"code\":\"ZZZZ-ZZZZ-ZZZZ\"}",
                s.cookie, s.csrf, origin());
        HttpResponse<String> unknown = post("/api/claim", "{\"uid\":\"04FFFFFFFFFFFF\",\"code\":\"" + toy.webCode() + "\"}",
                s.cookie, s.csrf, origin());
        HttpResponse<String> garbage = post("/api/claim", "{\"uid\":\"not/a+uid#\",\"code\":\"x\"}", s.cookie, s.csrf, origin());
        assertEquals(400, wrong.statusCode(), wrong.body());
        assertEquals(wrong.statusCode(), unknown.statusCode());
        assertEquals(wrong.body(), unknown.body());
        assertEquals(wrong.body(), garbage.body());
        int limited = 0;
        for (int i = 0; i < 4; i++) {
            if (post("/api/claim", "{\"uid\":\"" + toy.uid() + "\",\"code\":\"ZZZZ-ZZZZ-ZZZ" + i + "\"}", s.cookie, s.csrf,
                    origin()).statusCode() == 429) {
                limited++;
            }
        }
        assertEquals(2, limited, "five claims a minute per account");
    }

    @Test
    void thePageRunsOnlyItsOwnFilesAndNeedsNothingFromOutside() throws Exception {
        HttpResponse<String> page = get("/", null);
        assertEquals(200, page.statusCode());
        String policy = page.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertTrue(policy.contains("script-src 'self'") && policy.contains("default-src 'self'"), policy);
        assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElseThrow());
        Matcher refs = Pattern.compile("(?:src|href)=\"([^\"]+)\"").matcher(page.body());
        int files = 0;
        while (refs.find()) {
            String ref = refs.group(1);
            if (ref.startsWith("#") || ref.startsWith("data:")) {
                continue;
            }
            assertTrue(ref.startsWith("/"), "only the studio's own files: " + ref);
            if (!ref.startsWith("/api/")) {
                HttpResponse<String> file = get(ref, null);
                assertEquals(200, file.statusCode(), ref);
                assertFalse(Pattern.compile("https?://(?!www\\.w3\\.org/2000/svg)").matcher(file.body()).find(),
                        ref + " reaches outside the home network");
                assertFalse(file.body().contains("@import") || file.body().contains("url("), ref + " loads more");
                files++;
            }
        }
        assertEquals(4, files, "its style and three scripts");
        for (String resource : List.of("/studio/public/studio.js", "/studio/public/figure.js")) {
            try (InputStream in = getClass().getResourceAsStream(resource)) {
                String js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertFalse(js.contains("innerHTML") || js.contains("insertAdjacentHTML") || js.contains("eval("),
                        resource + " puts text into the page only as text");
            } catch (IOException e) {
                throw new AssertionError(e);
            }
        }
    }
}
