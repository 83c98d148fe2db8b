package com.leadflow.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.PageLoadStrategy;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A member of staff in Debian's headless Chromium, signing in at the stack's identity provider. */
final class StaffBrowser implements AutoCloseable {

  private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
  private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

  private final Path profile;
  private final WebDriver driver;
  private final WebDriverWait wait;

  private StaffBrowser() throws IOException {
    profile = Files.createTempDirectory("staff-chromium");
    ChromeOptions options = new ChromeOptions();
    options.setBinary(CHROMIUM.toFile());
    options.addArguments("--headless=new", "--no-sandbox", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--disable-gpu", "--user-data-dir=" + profile,
        "--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost",
        // as platform-test's HeadlessChromium: without these, submitting the sign-in form could stall the renderer
        "--disable-field-trial-config", "--disable-client-side-phishing-detection", "--password-store=basic",
        "--incognito");
    options.setPageLoadStrategy(PageLoadStrategy.EAGER);
    driver = new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
        .usingAnyFreePort().withEnvironment(Map.of("HOME", profile.toString())).build(), options);
    driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  static boolean installed() {
    return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
  }

  static StaffBrowser start() throws IOException {
    return new StaffBrowser();
  }

  void open(String url) {
    driver.get(url);
  }

  /** Waits for the provider's sign-in page and signs in as a demo user (password {@code <user>-demo}). */
  void signInAt(String issuer, String user) {
    awaitUrlStartingWith(issuer + "/login");
    wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("username"))).sendKeys(user);
    driver.findElement(By.id("password")).sendKeys(user + "-demo");
    driver.findElement(By.cssSelector("button[type=submit]")).click();
  }

  void awaitText(String id, String text) {
    wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id(id), text));
  }

  void awaitPageContains(String text) {
    wait.until(d -> d.getPageSource().contains(text));
  }

  void awaitUrl(String url) {
    wait.until(ExpectedConditions.urlToBe(url));
  }

  void awaitUrlStartingWith(String prefix) {
    wait.until(d -> d.getCurrentUrl().startsWith(prefix));
  }

  void click(String id) {
    wait.until(ExpectedConditions.elementToBeClickable(By.id(id))).click();
  }

  String url() {
    return driver.getCurrentUrl();
  }

  @Override
  public void close() throws IOException {
    driver.quit();
    org.springframework.util.FileSystemUtils.deleteRecursively(profile);
  }
}
