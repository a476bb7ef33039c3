package dev.podsearch.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.podsearch.stack.AxeCore;
import dev.podsearch.stack.Chromium;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The headless Chromium the local stack provisions ({@link Chromium}: pinned Debian packages, or {@code
 * PODSEARCH_CHROMIUM}), driven by Selenium; with axe-core's check and screenshots at a desktop and a phone width.
 */
final class WebBrowser implements AutoCloseable {

    static final Path SCREENSHOTS = PodsearchSystem.REPO.resolve("e2e/target/screenshots");

    final ChromeDriver driver;
    private final String axe;

    private WebBrowser(ChromeDriver driver, String axe) {
        this.driver = driver;
        this.axe = axe;
    }

    static WebBrowser start() {
        Chromium.Browser browser = Chromium.browser(); // fails saying how to fix it when there is none: never a skip
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(browser.driver().toFile())
                .usingAnyFreePort()
                .withEnvironment(browser.environment())
                .withLogFile(
                        PodsearchSystem.WORK.resolve("logs/chromedriver.log").toFile())
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(browser.executable().toFile());
        options.addArguments(
                "--headless",
                "--no-sandbox", // as root (CI runs as root) Chromium starts only without its sandbox
                "--disable-gpu",
                "--disable-dev-shm-usage",
                // this machine's network is closed: no background calls to Google's services
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--mute-audio",
                "--autoplay-policy=no-user-gesture-required",
                "--window-size=1280,900");
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        return new WebBrowser(driver, AxeCore.script());
    }

    /** axe-core on the page as it is: no serious or critical violation. */
    void assertAccessible(String page) {
        driver.executeScript(axe);
        @SuppressWarnings("unchecked")
        List<String> violations = (List<String>)
                driver.executeAsyncScript(
                        """
                const done = arguments[arguments.length - 1];
                axe.run(document, { resultTypes: ['violations'] }).then(result => done(result.violations
                    .filter(v => v.impact === 'serious' || v.impact === 'critical')
                    .map(v => v.impact + ' ' + v.id + ': ' + v.help + ' at '
                        + v.nodes.map(n => n.target.join(' ')).join(', '))));
                """);
        assertEquals(List.of(), violations, "axe-core on the " + page + " page");
    }

    /** Screenshots at 1280 and 390 px wide, under e2e/target/screenshots (build artifacts). */
    void screenshots(String page) {
        try {
            Files.createDirectories(SCREENSHOTS);
            for (int width : new int[] {390, 1280}) {
                driver.manage().window().setSize(new Dimension(width, width == 390 ? 844 : 900));
                Object overflow = driver.executeScript(
                        "return [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right"
                                + " > document.documentElement.clientWidth + 1).map(e => e.tagName + '.' + e.className)"
                                + ".slice(0, 5);");
                assertEquals(List.of(), overflow, "elements wider than the " + page + " page at " + width + " px");
                Files.write(SCREENSHOTS.resolve(page + "-" + width + ".png"), driver.getScreenshotAs(OutputType.BYTES));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Object script(String script, Object... arguments) {
        return driver.executeScript(script, arguments);
    }

    @Override
    public void close() {
        driver.quit();
    }
}
