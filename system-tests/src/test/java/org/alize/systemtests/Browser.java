package org.alize.systemtests;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium (Debian's {@code chromium} and {@code chromedriver}) driven through Selenium. Every
 * page a scenario visits is checked with axe-core (WCAG 2.1 A and AA rules: no serious or critical
 * violation) and saved as a screenshot under {@code target/screenshots/}; its load time is printed.
 */
final class Browser implements AutoCloseable {

    static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String CHROMIUM = System.getProperty("alize.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("alize.chromedriver", "/usr/bin/chromedriver");

    private final ChromeDriver driver;
    private final String persona;
    private final List<Long> loadTimes = new ArrayList<>();
    private int shots;

    /** Whether this machine has the browser the scenarios need (CI installs it). */
    static boolean available() {
        return Files.isExecutable(Path.of(CHROMIUM)) && Files.isExecutable(Path.of(DRIVER));
    }

    Browser(String persona) {
        this.persona = persona;
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM);
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=1280,900", "--lang=fr-FR", "--disable-search-engine-choice-screen");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(Path.of(DRIVER).toFile())
                .usingAnyFreePort().build();
        this.driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
    }

    WebDriver driver() {
        return driver;
    }

    void open(URI uri) {
        driver.get(uri.toString());
    }

    /** On identity-service's login page: types the login and password and submits. */
    void logIn(String login, String password) {
        assertThat(driver.getTitle()).as("the login page").contains("Connexion");
        driver.findElement(By.id("username")).sendKeys(login);
        driver.findElement(By.id("password")).sendKeys(password);
        driver.findElement(By.cssSelector("button[type=submit]")).click();
        waitFor(d -> !d.getCurrentUrl().contains("/login"));
    }

    WebElement find(String css) {
        return driver.findElement(By.cssSelector(css));
    }

    List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    /** Clicks and, as a link or a form leads to a new page, waits until the browser has left this one. */
    void click(String css) {
        settled();
        WebElement page = driver.findElement(By.tagName("html"));
        try {
            find(css).click();
        } catch (org.openqa.selenium.WebDriverException e) {
            if (!gone(page)) {
                settled(); // the page was still being rebuilt: the click did not happen, do it once more
                find(css).click();
            }
        }
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(d -> gone(page));
        settled();
    }

    /**
     * Whether an element's document has been replaced. Chromium answers either « stale element » or, while the
     * new document is being built, « node does not belong to the document »: both mean gone.
     */
    private static boolean gone(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (org.openqa.selenium.WebDriverException e) {
            return true;
        }
    }

    /** Waits until the document (after any redirect of a form's answer) has finished loading. */
    private void settled() {
        new WebDriverWait(driver, Duration.ofSeconds(15)).ignoring(org.openqa.selenium.WebDriverException.class)
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    void waitFor(java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(condition::apply);
    }

    void phoneWidth() {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    /** Whether the page itself scrolls sideways (wide tables scroll inside their own box instead). */
    boolean horizontalOverflow() {
        return (Boolean) ((JavascriptExecutor) driver).executeScript(
                "return document.documentElement.scrollWidth > document.documentElement.clientWidth + 1;");
    }

    void desktopWidth() {
        driver.manage().window().setSize(new Dimension(1280, 900));
    }

    /**
     * The page as a reviewer and a screen reader user would meet it: axe-core finds no serious or critical
     * violation; the screenshot is saved; the load time is printed.
     */
    Results check(String page) {
        assertThat(driver.getTitle()).as("no unexpected error page at " + driver.getCurrentUrl()).doesNotStartWith("Erreur");
        long loaded = ((Number) ((JavascriptExecutor) driver).executeScript(
                "var t = performance.getEntriesByType('navigation')[0]; return t ? Math.round(t.loadEventEnd - t.startTime) : -1;"))
                .longValue();
        screenshot(page);
        loadTimes.add(loaded);
        Results results = new AxeBuilder().withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze(driver);
        List<String> serious = new ArrayList<>();
        for (Rule violation : results.getViolations()) {
            if ("serious".equals(violation.getImpact()) || "critical".equals(violation.getImpact())) {
                serious.add(violation.getImpact() + " " + violation.getId() + ": " + violation.getHelp() + " — "
                        + violation.getNodes().stream().limit(3).map(n -> String.join(" ", n.getTarget().toString()))
                        .toList());
            }
        }
        System.out.printf(Locale.ROOT, "console page %-28s %-24s loaded in %4d ms, axe: %d violation(s), %d serious or critical%n",
                persona, page, loaded, results.getViolations().size(), serious.size());
        assertThat(serious).as("axe-core on " + page + " (" + driver.getCurrentUrl() + ")").isEmpty();
        return results;
    }

    void screenshot(String page) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(String.format(Locale.ROOT, "%s-%02d-%s.png", persona, ++shots, page)), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        if (!loadTimes.isEmpty()) {
            List<Long> sorted = loadTimes.stream().sorted().toList();
            System.out.printf(Locale.ROOT, "console pages of %s: %d checked, load time median %d ms, slowest %d ms%n", persona,
                    sorted.size(), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
        }
        driver.quit();
    }
}
