package dev.podsearch.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The search page's typeahead, its speaker and language facets (several values at once, in the URL) and the chart
 * under those filters, in headless Chromium against the running system, on the {@link PolarCorpus}.
 */
@ExtendWith(PodsearchSystem.class)
class WebAppFiltersIT {

    private static final String SEARCH = "/?q=" + PolarCorpus.WORD + "&mode=keyword";
    private static WebBrowser browser;
    private static WebDriverWait wait;
    private static String query;

    @BeforeAll
    static void start() {
        PolarCorpus.ensure();
        query = PodsearchSystem.get().query().url();
        browser = WebBrowser.start();
        wait = new WebDriverWait(browser.driver, Duration.ofSeconds(20));
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void typeaheadShowsSuggestionsAndTheKeyboardChoosesOneToSearch() {
        browser.driver.get(query + "/?mode=keyword");
        WebElement box = wait.until(ExpectedConditions.elementToBeClickable(By.id("q")));
        box.sendKeys("Ice Ra");
        By options = By.cssSelector("#q-suggestions [role=option]");
        wait.until(ExpectedConditions.visibilityOfElementLocated(options));
        assertEquals("true", box.getDomAttribute("aria-expanded"));
        List<String> texts = browser.driver.findElements(options).stream()
                .map(o -> o.getDomAttribute("data-text"))
                .toList();
        int wanted = texts.indexOf("Ice Radio");
        assertTrue(wanted >= 0, "suggestions: " + texts);
        for (int i = 0; i <= wanted; i++) {
            box.sendKeys(Keys.ARROW_DOWN);
        }
        String active = box.getDomAttribute("aria-activedescendant");
        assertEquals("true", browser.driver.findElement(By.id(active)).getDomAttribute("aria-selected"));
        assertEquals("Ice Radio", browser.driver.findElement(By.id(active)).getDomAttribute("data-text"));
        box.sendKeys(Keys.ENTER);
        wait.until(ExpectedConditions.urlContains("q=Ice+Radio"));
        waitForSearch();
        assertTrue(titles().contains("Tusks Under the Floe"), titles().toString());
        assertEquals("false", box.getDomAttribute("aria-expanded"));
        assertTrue(browser.driver
                .findElement(By.id("q-suggestions"))
                .getDomProperty("hidden")
                .equals("true"));
    }

    @Test
    void speakersAndLanguagesAreChosenSeveralAtOnceInTheUrl() {
        browser.driver.get(query + SEARCH);
        waitForResults(3);

        click(By.id("facet-speaker-Tom_Reyes"));
        wait.until(ExpectedConditions.urlContains("speaker=Tom+Reyes"));
        waitForResults(1);
        assertEquals(List.of("Narwhal Season"), titles());
        // the other speakers stay listed, to add one
        assertFalse(
                browser.driver.findElements(By.id("facet-speaker-Ines_Berg")).isEmpty());

        click(By.id("facet-speaker-Luc_Martin"));
        wait.until(ExpectedConditions.urlContains("speaker=Luc+Martin"));
        assertTrue(browser.driver.getCurrentUrl().contains("speaker=Tom+Reyes"), browser.driver.getCurrentUrl());
        waitForResults(2);
        assertEquals(
                List.of("Narwhal Season", "Tusks Under the Floe"),
                titles().stream().sorted().toList());

        // another facet narrows what the speakers found: French only
        click(By.id("facet-lang-fr"));
        wait.until(ExpectedConditions.urlContains("lang=fr"));
        waitForResults(1);
        assertEquals(List.of("Tusks Under the Floe"), titles());
        click(By.id("facet-lang-en"));
        wait.until(ExpectedConditions.urlContains("lang=en"));
        waitForResults(2);
        assertTrue(browser.driver.findElement(By.id("facet-lang-fr")).isSelected());
        assertTrue(browser.driver.findElement(By.id("facet-speaker-Tom_Reyes")).isSelected());

        browser.driver.navigate().back();
        wait.until(d -> !d.getCurrentUrl().contains("lang=en"));
        waitForResults(1);
        assertFalse(browser.driver.findElement(By.id("facet-lang-en")).isSelected());
    }

    @Test
    void theChartCountsOnlyWhatTheSpeakerAndLanguageFiltersLeave() {
        browser.driver.get(query + SEARCH);
        waitForChart(List.of("2023-02-01", "2023-03-01", "2023-04-01", "2023-05-01"), List.of(2, 1, 0, 1));

        browser.driver.get(query + SEARCH + "&speaker=Ines+Berg");
        waitForChart(List.of("2023-02-01", "2023-03-01", "2023-04-01", "2023-05-01"), List.of(1, 0, 0, 1));

        browser.driver.get(query + SEARCH + "&speaker=Ines+Berg&speaker=Luc+Martin&lang=fr");
        waitForChart(List.of("2023-03-01"), List.of(1));

        // choosing a facet on the page redraws the chart too
        click(By.id("facet-lang-de"));
        waitForChart(List.of("2023-03-01", "2023-04-01", "2023-05-01"), List.of(1, 0, 1));
    }

    private static void waitForChart(List<String> starts, List<Integer> counts) {
        By periods = By.cssSelector(".chart a.period");
        wait.until(d -> {
            List<WebElement> drawn = d.findElements(periods);
            return drawn.stream()
                            .map(p -> p.getDomAttribute("data-start"))
                            .toList()
                            .equals(starts)
                    && drawn.stream()
                            .map(p -> Integer.valueOf(p.getDomAttribute("data-count")))
                            .toList()
                            .equals(counts);
        });
    }

    private static void click(By by) {
        wait.until(ExpectedConditions.elementToBeClickable(by)).click();
    }

    private static void waitForSearch() {
        wait.until(d -> d.findElements(By.cssSelector(".results[aria-busy]")).isEmpty()
                && !d.findElements(By.cssSelector(".results article.result")).isEmpty());
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
}
