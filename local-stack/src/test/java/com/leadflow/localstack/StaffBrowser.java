package com.leadflow.localstack;

import com.leadflow.test.HeadlessChromium;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** A member of staff in Debian's headless Chromium, signing in at the stack's identity provider. */
final class StaffBrowser implements AutoCloseable {

  private final HeadlessChromium chromium;
  private final WebDriver driver;
  private final WebDriverWait wait;

  private StaffBrowser() {
    chromium = HeadlessChromium.start();
    driver = chromium.driver();
    wait = new WebDriverWait(driver, Duration.ofSeconds(30));
  }

  static boolean installed() {
    return HeadlessChromium.installed();
  }

  static StaffBrowser start() {
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
  public void close() {
    chromium.close();
  }
}
