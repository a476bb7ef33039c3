package dev.podsearch.e2e;

import static io.restassured.RestAssured.given;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The web app in a real headless Chromium against the whole running system: search, facets and the URL, the player,
 * the episode page, the chart, an upload through the page; axe-core on every page; screenshots at 1280 and 390 px.
 */
@ExtendWith(PodsearchSystem.class)
class WebAppIT {

    private static final String WORD = "lanternfish";
    // by words: the episodes of the other end-to-end classes are all somewhat "about" anything by meaning
    private static final String SEARCH = "/?q=" + WORD + "&mode=keyword";
    private static AudioFixture audio;
    private static WebBrowser browser;
    private static WebDriverWait wait;
    private static String query;
    private static String withAudio;
    private static String longEpisode;

    @BeforeAll
    static void start() {
        PodsearchSystem.Running system = PodsearchSystem.get();
        query = system.query().url();
        audio = new AudioFixture();
        // two shows, January and April 2024: the chart has four months (the empty ones included)
        withAudio = upload(
                "Lanternfish at Dusk",
                "Harbour Lights",
                "2024-01-15",
                audio.url("dusk"),
                transcript("Lanternfish at Dusk", 6, 3, "At dusk the lanternfish rise toward the surface."));
        longEpisode = upload(
                "Night Fishing Boats",
                "Deep Water Hour",
                "2024-04-10",
                null,
                transcript("Night Fishing Boats", 90, 60, "Far below the boats a lanternfish glows in the dark."));
        for (String id : List.of(withAudio, longEpisode)) {
            awaitIndexed(system.ingest().url(), id);
        }
        browser = WebBrowser.start();
        wait = new WebDriverWait(browser.driver, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (audio != null) {
            audio.close();
        }
    }

    @Test
    void facetNarrowsTheSearchInTheUrlAndBackRestoresIt() {
        open(SEARCH);
        waitForResults(2);
        // how each moment matched, in words: "contains your words" (by meaning it would say "about this")
        assertEquals(
                List.of("contains your words", "contains your words"),
                browser.driver.findElements(By.cssSelector(".result .matched")).stream()
                        .map(WebElement::getText)
                        .toList());
        browser.assertAccessible("search");
        browser.screenshots("search");

        click(By.id("facet-show-Harbour_Lights"));
        wait.until(ExpectedConditions.urlContains("show=Harbour+Lights"));
        waitForResults(1);
        assertEquals("Lanternfish at Dusk", titles().getFirst());
        // the other shows of the facet stay listed to widen the choice
        assertFalse(
                browser.driver.findElements(By.id("facet-show-Deep_Water_Hour")).isEmpty());

        browser.driver.navigate().back();
        wait.until(d -> !d.getCurrentUrl().contains("show="));
        waitForResults(2);
        assertFalse(
                browser.driver.findElement(By.id("facet-show-Harbour_Lights")).isSelected());
        assertEquals(WORD, browser.driver.findElement(By.id("q")).getDomProperty("value"));
    }

    @Test
    void momentTimePlaysTheAudioFromThatSecond() {
        open(SEARCH + "&show=Harbour+Lights");
        waitForResults(1);
        WebElement time = browser.driver.findElement(By.cssSelector(".result button.time"));
        assertEquals("00:00:30", time.getText());
        time.click();
        await().atMost(Duration.ofSeconds(15)).until(() -> {
            Object at = browser.script("const a = document.querySelector('.result audio'); return a && a.currentTime;");
            return at instanceof Number n && n.doubleValue() >= 30 && n.doubleValue() < 35;
        });
        String copied =
                browser.driver.findElement(By.cssSelector(".result .copy")).getDomAttribute("data-url");
        assertEquals(query + "/episodes/" + withAudio + "?t=30", copied);
    }

    @Test
    void episodePageHighlightsAndScrollsToTheMoment() {
        open("/episodes/" + longEpisode + "?t=600");
        WebElement current =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".transcript li[aria-current]")));
        assertTrue(current.getText().contains("lanternfish"), current.getText());
        assertEquals(
                true,
                browser.script(
                        "const r = arguments[0].getBoundingClientRect(); return r.top >= 0 && r.bottom <= innerHeight;",
                        current));
        assertTrue(((Number) browser.script("return scrollY;")).doubleValue() > 0);
        assertEquals(
                "Night Fishing Boats",
                browser.driver.findElement(By.tagName("h1")).getText());
        browser.assertAccessible("episode");
        browser.screenshots("episode");
    }

    @Test
    void chartDrawsOnePeriodPerMonthAndNarrowsToOne() {
        int periods = given().baseUri(query)
                .queryParam("q", WORD)
                .get("/v1/trends")
                .then()
                .statusCode(200)
                .extract()
                .path("buckets.size()");
        assertEquals(4, periods, "January to April 2024");
        open(SEARCH);
        waitForResults(2);
        wait.until(d -> d.findElements(By.cssSelector(".chart a.period")).size() == periods);
        click(By.cssSelector(".chart a.period"));
        wait.until(ExpectedConditions.urlContains("after=2024-01-01"));
        assertTrue(browser.driver.getCurrentUrl().contains("before=2024-02-01"), browser.driver.getCurrentUrl());
        waitForResults(1);
    }

    @Test
    void uploadThroughThePageBecomesSearchable() throws IOException {
        Path file = Files.createTempFile(PodsearchSystem.WORK, "upload", ".txt");
        Files.writeString(file, transcript("Kelp Forest Diaries", 4, 2, "The sea otters wrap themselves in kelp."));
        open("/upload");
        browser.assertAccessible("upload");
        browser.screenshots("upload");
        type(By.id("upload-key"), Files.readString(PodsearchSystem.KEY_FILE).strip());
        browser.driver.findElement(By.id("upload-file")).sendKeys(file.toString());
        type(By.id("upload-show"), "Tide Pool Radio");
        // a date input's typing order follows the browser's locale: set its value as the date picker would
        browser.script("arguments[0].value = '2024-03-05'", browser.driver.findElement(By.id("upload-publishedAt")));
        click(By.cssSelector("form.upload button.primary"));
        new WebDriverWait(browser.driver, Duration.ofSeconds(90))
                .until(ExpectedConditions.presenceOfElementLocated(
                        By.cssSelector(".upload-status[data-status='INDEXED'] a")));
        browser.script("document.querySelector('.upload-result').scrollIntoView()");
        browser.screenshots("upload-indexed");
        click(By.cssSelector(".upload-status a"));
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Kelp Forest Diaries"));

        open("/?q=otters+kelp&mode=keyword");
        waitForResults(1);
        assertEquals("Kelp Forest Diaries", titles().getFirst());
    }

    @Test
    void refusedUploadShowsTheProblemAndItsLine() throws IOException {
        Path file = Files.createTempFile(PodsearchSystem.WORK, "refused", ".txt");
        Files.writeString(file, "Backwards\nShow notes\nx\nShow transcript\n00:00:20: later\n00:00:10: earlier\n");
        open("/upload");
        type(By.id("upload-key"), Files.readString(PodsearchSystem.KEY_FILE).strip());
        browser.driver.findElement(By.id("upload-file")).sendKeys(file.toString());
        type(By.id("upload-show"), "Tide Pool Radio");
        click(By.cssSelector("form.upload button.primary"));
        WebElement alert =
                wait.until(ExpectedConditions.presenceOfElementLocated(By.cssSelector(".upload-result [role=alert]")));
        assertTrue(alert.getText().contains("timestamps go backwards"), alert.getText());
        assertTrue(alert.getText().contains("(line 6)"), alert.getText());
    }

    private static void open(String path) {
        browser.driver.manage().window().setSize(new org.openqa.selenium.Dimension(1280, 900));
        browser.driver.get(query + path);
    }

    private static void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private static void type(By by, String text) {
        WebElement field = browser.driver.findElement(by);
        field.clear(); // the key field shows the key this tab kept from an earlier upload
        field.sendKeys(text);
    }

    private static void waitForResults(int count) {
        wait.until(d -> d.findElements(By.cssSelector(".results[aria-busy]")).isEmpty()
                && d.findElements(By.cssSelector(".results article.result")).size() == count);
    }

    private static List<String> titles() {
        return browser.driver.findElements(By.cssSelector(".result h2")).stream()
                .map(WebElement::getText)
                .toList();
    }

    /** Our sample export: {@code lines} lines ten seconds apart, the given one said at line {@code at}. */
    private static String transcript(String title, int lines, int at, String said) {
        String body = IntStream.range(0, lines)
                .mapToObj(i -> String.format(
                        "%02d:%02d:%02d: %s",
                        i * 10 / 3600,
                        i * 10 / 60 % 60,
                        i * 10 % 60,
                        i == at ? said : "The crew checks the nets and the weather, line " + i + "."))
                .collect(Collectors.joining("\n"));
        return title + "\nShow notes\nA test episode of the web app.\nShow transcript\n" + body + "\n";
    }

    private static String upload(String title, String show, String published, String audioUrl, String text) {
        var request = given().baseUri(PodsearchSystem.get().ingest().url())
                .contentType("text/plain")
                .queryParam("show", show)
                .queryParam("publishedAt", published);
        if (audioUrl != null) {
            request.queryParam("audioUrl", audioUrl);
        }
        return request.body(text)
                .post("/v1/transcripts")
                .then()
                .statusCode(202)
                .extract()
                .path("id");
    }

    private static void awaitIndexed(String ingest, String id) {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> given().baseUri(ingest)
                .get("/v1/transcripts/{id}", id)
                .then()
                .body("status", equalTo("INDEXED")));
    }
}
