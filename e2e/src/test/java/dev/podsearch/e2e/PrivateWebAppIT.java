package dev.podsearch.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app of a private search ({@code query.require-key=true}: the run's second query-service on the same servers,
 * {@link PrivateSearch}) in headless Chromium: the page asks for a key once, keeps it in session storage and sends it with every call; a wrong
 * key shows the problem's detail; transcripts download with the key in a header, never in a URL.
 */
@ExtendWith(PodsearchSystem.class)
class PrivateWebAppIT {

    private static final String SEARCH = "/?q=" + PolarCorpus.WORD + "&mode=keyword";
    private static WebBrowser browser;
    private static WebDriverWait wait;
    private static String query;
    private static String readKey;
    private static PolarCorpus.Ids episodes;

    @BeforeAll
    static void start() {
        PodsearchSystem.Running system = PodsearchSystem.get();
        episodes = PolarCorpus.ensure();
        readKey = new KeyCommands(system.ingest().url(), PodsearchSystem.KEY_FILE).create("web-reader", "read");
        query = system.privateQuery().url();
        browser = WebBrowser.start();
        wait = new WebDriverWait(browser.driver, Duration.ofSeconds(20));
        // what the page showed when a wait ran out
        wait.withMessage(() -> "the page at " + browser.driver.getCurrentUrl() + " shows: "
                + browser.script("return document.body.innerText"));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void thePageAsksForAKeyOnceKeepsItForTheTabAndAWrongOneShowsTheProblem() {
        String refused = given().baseUri(query)
                .header("Authorization", "Bearer not-a-key")
                .queryParam("q", PolarCorpus.WORD)
                .get("/v1/search")
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .extract()
                .path("detail");
        freshTab();
        browser.driver.get(query + SEARCH);
        answerKeyDialog("not-a-key");
        WebElement error = wait.until(
                ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".results .error[role=alert]")));
        assertEquals(refused, error.getText());
        assertEquals(
                null, browser.script("return sessionStorage.getItem('podsearch.key');"), "a refused key is dropped");

        browser.driver.navigate().refresh();
        answerKeyDialog(readKey);
        waitForResults(3);
        assertEquals(readKey, browser.script("return sessionStorage.getItem('podsearch.key');"));
        // the chart's call went with the key too: no second dialog
        wait.until(d -> d.findElements(By.cssSelector(".chart a.period")).size() == 4);
        assertTrue(
                browser.driver.findElements(By.cssSelector("dialog.key-dialog")).isEmpty());

        // another page of the tab (two calls at once) sends the kept key without asking
        browser.driver.get(query + "/episodes/" + episodes.season());
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Narwhal Season"));
        assertFalse(
                browser.driver.findElements(By.cssSelector(".transcript li")).isEmpty());
        assertTrue(
                browser.driver.findElements(By.cssSelector("dialog.key-dialog")).isEmpty());
    }

    @Test
    void aTranscriptDownloadsWithTheKeyRequired() throws Exception {
        assertEquals(401, withoutKey("/v1/episodes/" + episodes.season() + "/transcript?format=txt"));
        Path downloads = Files.createTempDirectory(PodsearchSystem.WORK, "downloads");
        browser.driver.executeCdpCommand(
                "Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath", downloads.toString()));
        freshTab();
        browser.script("sessionStorage.setItem('podsearch.key', arguments[0])", readKey);
        browser.driver.get(query + "/episodes/" + episodes.season());
        WebElement text =
                wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".downloads a[data-format=txt]")));
        assertEquals(
                "Download the transcript: JSON · WebVTT · SubRip · Text",
                browser.driver.findElement(By.cssSelector(".downloads")).getText());
        assertFalse(text.getDomProperty("href").contains(readKey));
        text.click();
        Path file = downloads.resolve("transcript-" + episodes.season() + ".txt");
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.isRegularFile(file) && Files.size(file) > 0);
        String saved = Files.readString(file);
        assertTrue(saved.contains("Tom Reyes: A narwhal tusk can grow three metres long."), saved);
        assertTrue(
                browser.driver.findElements(By.cssSelector("dialog.key-dialog")).isEmpty());
        assertEquals(List.of(), browser.driver.findElements(By.cssSelector(".downloads .error")));
    }

    /** The private service's origin with nothing kept in its session storage. */
    private static void freshTab() {
        browser.driver.get(query + "/");
        browser.script("sessionStorage.clear()");
    }

    private static void answerKeyDialog(String key) {
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("key-input")))
                .sendKeys(key);
        assertEquals(
                1,
                browser.driver.findElements(By.cssSelector("dialog.key-dialog")).size());
        browser.driver
                .findElement(By.cssSelector("dialog.key-dialog button.primary"))
                .click();
    }

    private static void waitForResults(int count) {
        wait.until(d -> d.findElements(By.cssSelector(".results[aria-busy]")).isEmpty()
                && d.findElements(By.cssSelector(".results article.result")).size() == count);
    }

    private static int withoutKey(String path) throws IOException, InterruptedException {
        return HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(URI.create(query + path)).build(), HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }
}
