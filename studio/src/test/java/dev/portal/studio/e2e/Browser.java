package dev.portal.studio.e2e;

import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import dev.portal.studio.testing.Chromium;
import org.openqa.selenium.support.ui.ExpectedCondition;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A real Chromium ({@link Chromium}) as a player uses it. Waits are explicit conditions with a timeout; screenshots go under the module's
 * {@code target/screenshots} for a reviewer.
 */
final class Browser implements AutoCloseable {
    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final Duration WAIT = Duration.ofSeconds(20);

    final WebDriver driver;

    Browser(Path profile) {
        this.driver = Chromium.start(profile);
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement find(String css) {
        return until("an element " + css, d -> {
            var found = d.findElements(By.cssSelector(css));
            return found.isEmpty() ? null : found.get(0);
        });
    }

    void type(String id, String text) {
        WebElement input = find("#" + id);
        input.clear();
        input.sendKeys(text);
    }

    void click(String css) {
        find(css).click();
    }

    /** Sets a colour picker as a person picking a colour would (its input event fires). */
    void pickColour(String id, String rgb) {
        script("const i = document.getElementById(arguments[0]); i.value = arguments[1];"
                + "i.dispatchEvent(new Event('input', {bubbles: true}));", id, rgb.toLowerCase());
    }

    /** Waits until the element's text is {@code text}. */
    void awaitText(String css, String text) {
        until("'" + text + "' in " + css, d -> {
            var found = d.findElements(By.cssSelector(css));
            return !found.isEmpty() && found.get(0).getText().strip().equals(text) ? true : null;
        });
    }

    String text(String css) {
        return find(css).getText().strip();
    }

    Object script(String js, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(js, args);
    }

    /** Runs a fetch in the page (with its cookie) and returns {status, body}. */
    @SuppressWarnings("unchecked")
    java.util.Map<String, Object> fetch(String method, String path, String jsonBody, boolean withCsrf) {
        String js = "const done = arguments[arguments.length - 1];"
                + "fetch('/api/me').then(r => r.json()).then(me => fetch(arguments[1], {method: arguments[0],"
                + " headers: Object.assign({'Content-Type': 'application/json'}, arguments[3] && me.csrf ? {'X-CSRF-Token': me.csrf} : {}),"
                + " body: arguments[2]})).then(async r => done({status: r.status, body: await r.text()}))"
                + ".catch(e => done({status: -1, body: String(e)}));";
        return (java.util.Map<String, Object>) ((JavascriptExecutor) driver).executeAsyncScript(js, method, path,
                jsonBody, withCsrf);
    }

    <T> T until(String what, ExpectedCondition<T> condition) {
        return new WebDriverWait(driver, WAIT).withMessage(() -> "waited for " + what + " on " + driver.getCurrentUrl()
                + "; notice: " + notice()).until(condition);
    }

    private String notice() {
        try {
            return driver.findElement(By.id("notice")).getText();
        } catch (RuntimeException e) {
            return "(none)";
        }
    }

    /** Saves a screenshot as target/screenshots/NAME.png. */
    void screenshot(String name) throws IOException {
        Files.createDirectories(SCREENSHOTS);
        File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
        Files.copy(shot.toPath(), SCREENSHOTS.resolve(name + ".png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
