package uk.assure.support;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Properties;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, driven headless through Debian's chromedriver (installed by {@code .ci/run}; never
 * downloaded by a test tool), with axe-core run inside the page and screenshots saved for people to look at.
 */
public final class Chromium implements AutoCloseable {

    private static final String BROWSER = System.getProperty("assure.chromium", "/usr/bin/chromium");
    private static final String DRIVER = System.getProperty("assure.chromedriver", "/usr/bin/chromedriver");
    /** target/screenshots on every run; docs/screenshots (committed) with -Dassure.screenshots=docs. */
    private static final Path SCREENSHOTS = Path.of(
            "docs".equals(System.getProperty("assure.screenshots")) ? "docs/screenshots" : "target/screenshots");

    private final ChromeDriver driver;
    private final int port;
    private final String base;

    public Chromium(int port) {
        if (!new File(BROWSER).canExecute() || !new File(DRIVER).canExecute()) {
            throw new IllegalStateException("Browser tests need Debian's Chromium and its driver: "
                    + "apt-get install chromium chromium-driver (looked for " + BROWSER + " and " + DRIVER + ")");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER);
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-dev-shm-usage",
                "--disable-gpu",
                "--window-size=1280,1000",
                "--lang=en-GB",
                "--force-device-scale-factor=1");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(DRIVER))
                .usingAnyFreePort()
                .build();
        this.driver = new ChromeDriver(service, options);
        this.driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        this.driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(30));
        this.driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(5));
        this.port = port;
        this.base = "http://localhost:" + port;
    }

    /** The path of the page the browser is on. */
    public String path() {
        return URI.create(driver.getCurrentUrl()).getPath();
    }

    /**
     * After the password: the second step where the app asks for one, from the keyboard. On the set-up page the tests'
     * authenticator app ({@link TwoStepCodes}) learns the secret shown; on the code page it gives its next code.
     */
    public void secondStep(String email) {
        String path = path();
        if (path.equals("/account/two-step")) {
            TwoStepCodes.learn(port, email, text("#secret"));
        } else if (!path.equals("/sign-in/code")) {
            return;
        }
        var code = driver.findElement(By.id("code"));
        code.sendKeys(TwoStepCodes.next(port, email), Keys.ENTER);
        // setting up ends on the same page (on to recovery codes), so wait for the next page, not another address
        new WebDriverWait(driver, Duration.ofSeconds(15)).until(ExpectedConditions.stalenessOf(code));
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(base + path);
    }

    /**
     * axe-core's WCAG 2.0/2.1 A and AA rules (and its best practices) on the page as it stands; the violations as
     * "rule: what, where" lines, empty when there are none.
     */
    @SuppressWarnings("unchecked")
    public List<String> accessibilityViolations() {
        driver.executeScript(axeSource());
        Object result = driver.executeAsyncScript("""
                const done = arguments[arguments.length - 1];
                axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']}})
                   .then(r => done(r.violations.map(v => v.id + ': ' + v.help + ' — ' +
                        v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', '))))
                   .catch(e => done(['axe failed: ' + e]));""");
        return (List<String>) result;
    }

    /** Saves the page as docs/screenshots/NAME.png, the whole page height (up to 8,000 px). */
    public void screenshot(String name) {
        try {
            Long height = (Long) driver.executeScript(
                    "return Math.ceil(Math.max(document.body.scrollHeight, document.documentElement.scrollHeight))");
            driver.manage().window().setSize(new Dimension(1280, (int) Math.min(height + 200, 8000)));
            byte[] png = driver.getScreenshotAs(OutputType.BYTES);
            Files.createDirectories(SCREENSHOTS);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
            driver.manage().window().setSize(new Dimension(1280, 1000));
        } catch (IOException e) {
            throw new IllegalStateException("could not save a screenshot", e);
        }
    }

    private static String axe;

    private static synchronized String axeSource() {
        if (axe == null) {
            try (InputStream in = Chromium.class.getResourceAsStream(
                    "/META-INF/resources/webjars/axe-core/" + axeVersion() + "/axe.min.js")) {
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException | NullPointerException e) {
                throw new IllegalStateException("axe-core is not on the test classpath", e);
            }
        }
        return axe;
    }

    private static String axeVersion() {
        try (InputStream in =
                Chromium.class.getResourceAsStream("/META-INF/maven/org.webjars.npm/axe-core/pom.properties")) {
            Properties p = new Properties();
            p.load(in);
            return p.getProperty("version");
        } catch (IOException | NullPointerException e) {
            throw new IllegalStateException("axe-core's version is unknown", e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }

    /** Used by tests that only want to know the page's own words. */
    public String text(String css) {
        return driver.findElement(By.cssSelector(css)).getText();
    }
}
