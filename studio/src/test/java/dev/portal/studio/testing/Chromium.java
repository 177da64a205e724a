package dev.portal.studio.testing;

import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Starts Debian's Chromium headless through its chromium-driver, with a profile of its own: for the browser
 * tests and for {@code scripts/bench studio}. Never a browser or driver downloaded at run time.
 */
public final class Chromium {
    public static final Path BINARY = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private Chromium() {
    }

    public static ChromeDriver start(Path profile) {
        if (!Files.isExecutable(BINARY) || !Files.isExecutable(DRIVER)) {
            throw new IllegalStateException("needs Debian's chromium and chromium-driver (scripts/test installs "
                    + "them): " + BINARY + " / " + DRIVER + " missing");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BINARY.toFile());
        // as root in a sandbox: no Chromium sandbox; the machine has no outside network, so nothing in the
        // background may try to reach one
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--disable-quic", "--no-first-run", "--window-size=1100,1000", "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort().build();
        return new ChromeDriver(service, options);
    }
}
