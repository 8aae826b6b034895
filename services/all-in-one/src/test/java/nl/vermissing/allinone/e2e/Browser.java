package nl.vermissing.allinone.e2e;

import com.deque.html.axecore.results.CheckedNode;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One headless Debian Chromium, driven by ChromeDriver, as one person at one desk: signs in through the real
 * sign-in form, takes screenshots and runs the axe-core accessibility check (WCAG 2.1 A and AA) on the page shown.
 */
final class Browser implements AutoCloseable {

  static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
  static final Dimension DESKTOP = new Dimension(1280, 900);
  static final Dimension PHONE = new Dimension(390, 844);
  private static final List<String> WCAG_21_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

  private final String baseUrl;
  private final Path screenshots;
  private final ChromeDriver driver;
  private final ChromeDriverService service;
  private final Path downloads;

  Browser(String baseUrl, Path profileDir, Path screenshots) {
    this.baseUrl = baseUrl;
    this.screenshots = screenshots;
    this.downloads = profileDir.resolveSibling(profileDir.getFileName() + "-downloads");
    ChromeOptions options = new ChromeOptions();
    options.setExperimentalOption("prefs", Map.of("download.default_directory", downloads.toString(),
        "download.prompt_for_download", false));
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
        "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
        "--user-data-dir=" + profileDir, "--window-size=" + DESKTOP.width + "," + DESKTOP.height, "--lang=nl-NL");
    service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort()
        .withLogOutput(OutputStream.nullOutputStream()).build();
    driver = new ChromeDriver(service, options);
  }

  static boolean available() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  WebDriver driver() {
    return driver;
  }

  void open(String path) {
    driver.get(baseUrl + path);
  }

  /**
   * Opens the page; its script sends the browser to the sign-in form, where the person signs in; back on the page,
   * waits until the page shows its content. The sign-in form allows 5 attempts per minute and address: when that
   * limit answers, the same attempt is repeated until the minute has passed.
   */
  void signIn(String path, String username) {
    open(path);
    signInOnForm(username);
    until(Duration.ofSeconds(20), d -> d.getCurrentUrl().startsWith(baseUrl + path)
        && !d.findElements(By.cssSelector("#content:not([hidden]), #pages:not([hidden])")).isEmpty());
  }

  /** Fills the sign-in form that the browser is being sent to. */
  void signInOnForm(String username) {
    until(Duration.ofSeconds(20), d -> d.getCurrentUrl().startsWith(baseUrl + "/login"));
    new WebDriverWait(driver, Duration.ofSeconds(80)).pollingEvery(Duration.ofSeconds(2)).until(d -> {
      if (!d.getCurrentUrl().startsWith(baseUrl + "/login")) {
        return true;
      }
      if (d.findElements(By.id("username")).isEmpty()) {
        // "too many attempts" answer: back to the form and try again
        d.navigate().to(baseUrl + "/login");
        return false;
      }
      WebElement user = d.findElement(By.id("username"));
      user.clear();
      user.sendKeys(username);
      d.findElement(By.id("password")).sendKeys("demo");
      d.findElement(By.cssSelector("button[type=submit]")).click();
      return false;
    });
  }

  /** Signs out and forgets the identity provider's session, so that the next sign-in asks again. */
  void signOut() {
    ((JavascriptExecutor) driver).executeScript("sessionStorage.clear()");
    driver.manage().deleteAllCookies();
  }

  /** Waits until the browser has saved a download with this name; returns its content. */
  String downloaded(String fileName) {
    Path file = downloads.resolve(fileName);
    until(Duration.ofSeconds(15), d -> Files.isRegularFile(file)
        && !Files.exists(downloads.resolve(fileName + ".crdownload")));
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  WebElement waitFor(By by) {
    return waitFor(by, Duration.ofSeconds(20));
  }

  WebElement waitFor(By by, Duration timeout) {
    return new WebDriverWait(driver, timeout).until(ExpectedConditions.visibilityOfElementLocated(by));
  }

  <T> T until(Duration timeout, Function<WebDriver, T> condition) {
    return new WebDriverWait(driver, timeout).until(condition::apply);
  }

  void click(By by) {
    WebElement element = new WebDriverWait(driver, Duration.ofSeconds(20))
        .until(ExpectedConditions.elementToBeClickable(by));
    ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    element.click();
  }

  void type(By by, String text) {
    WebElement element = waitFor(by);
    element.clear();
    element.sendKeys(text);
  }

  /** Sets a date or time input's value the way a picker would (typing into them depends on the locale). */
  void setValue(By by, String value) {
    ((JavascriptExecutor) driver).executeScript(
        "arguments[0].value = arguments[1]; arguments[0].dispatchEvent(new Event('change', {bubbles: true}))",
        waitFor(by), value);
  }

  void select(By by, String value) {
    new Select(waitFor(by)).selectByValue(value);
  }

  Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  Object asyncScript(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeAsyncScript(script, arguments);
  }

  /** A phone-size screen (emulated: a headless window cannot be narrower than 500 pixels). */
  void phone() {
    driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of("width", PHONE.width, "height",
        PHONE.height, "deviceScaleFactor", 1, "mobile", true));
  }

  void desktop() {
    driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
    driver.manage().window().setSize(DESKTOP);
  }

  /** A full-page screenshot (as tall as the page) written to the screenshot folder. */
  void screenshot(String name) {
    try {
      Files.createDirectories(screenshots);
      Files.write(screenshots.resolve(name + ".png"), fullPage());
    } catch (IOException e) {
      throw new IllegalStateException("could not write screenshot " + name, e);
    }
  }

  /** The whole page, not only the visible part (DevTools' captureBeyondViewport); the visible part as fallback. */
  private byte[] fullPage() {
    try {
      Map<String, Object> metrics = driver.executeCdpCommand("Page.getLayoutMetrics", Map.of());
      @SuppressWarnings("unchecked")
      Map<String, Object> size = (Map<String, Object>) metrics.get("cssContentSize");
      double width = ((Number) size.get("width")).doubleValue();
      double height = Math.min(((Number) size.get("height")).doubleValue(), 8000);
      Map<String, Object> shot = driver.executeCdpCommand("Page.captureScreenshot", Map.of("format", "png",
          "captureBeyondViewport", true,
          "clip", Map.of("x", 0, "y", 0, "width", width, "height", height, "scale", 1)));
      return Base64.getDecoder().decode((String) shot.get("data"));
    } catch (RuntimeException e) {
      return driver.getScreenshotAs(OutputType.BYTES);
    }
  }

  /** axe-core with the WCAG 2.1 A and AA rules on the page as it is now; one line per violation and element. */
  List<String> accessibilityViolations(String page) {
    Results results = new AxeBuilder().withTags(WCAG_21_AA).analyze(driver);
    List<String> found = new ArrayList<>();
    for (Rule rule : results.getViolations()) {
      for (CheckedNode node : rule.getNodes()) {
        found.add(page + ": " + rule.getId() + " (" + rule.getImpact() + ") " + rule.getHelp() + " at "
            + node.getTarget());
      }
    }
    return found;
  }

  @Override
  public void close() {
    try {
      driver.quit();
    } finally {
      service.stop();
    }
  }
}
